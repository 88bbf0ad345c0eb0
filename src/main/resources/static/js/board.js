// The floor board: the server pushes "changed" over server-sent events after every commit
// that touches a session; htmx then fetches the rows (and polls every few seconds anyway).
(function () {
  var board = document.getElementById('board');
  if (!board || !window.EventSource) {
    return;
  }
  var status = document.getElementById('board-status');
  var source = new EventSource(board.getAttribute('data-events'));
  source.addEventListener('changed', function () {
    htmx.trigger(document.body, 'sessionChanged');
  });
  source.onopen = function () { if (status) { status.textContent = 'Live'; } };
  source.onerror = function () { if (status) { status.textContent = 'Reconnecting… (refreshing every few seconds)'; } };
})();
