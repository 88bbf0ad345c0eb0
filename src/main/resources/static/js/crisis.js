// The crisis notice appears as soon as a risk answer is chosen, before the form is sent:
// any checked input marked data-crisis-risk shows every [data-crisis-notice] on the page.
// The server shows the same notice after submitting, so nothing depends on this script.
(function () {
  function update() {
    var risky = document.querySelector('input[data-crisis-risk]:checked') !== null;
    document.querySelectorAll('[data-crisis-notice]').forEach(function (notice) {
      var wasHidden = notice.classList.contains('d-none');
      notice.classList.toggle('d-none', !risky && !notice.hasAttribute('data-crisis-kept'));
      if (risky && wasHidden) {
        // Once shown after an answer, it stays: unticking does not take the help away.
        notice.setAttribute('data-crisis-kept', '');
        notice.scrollIntoView({ block: 'nearest' });
      }
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('input')) {
      update();
    }
  });
  document.addEventListener('DOMContentLoaded', update);
})();
