// htmx requests carry the CSRF token the page was rendered with (Spring Security checks it).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// Irreversible actions ask first. A submit button (or its form) with data-confirm states the
// consequence; the browser's own dialog asks, which screen readers and keyboards handle. Without
// scripts the form posts as before: the server's rules (a reason, a second person) still apply.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var question = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
