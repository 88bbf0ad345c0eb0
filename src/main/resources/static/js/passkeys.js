// Passkeys (WebAuthn) on the second step of signing in and on the account page (identity/PasskeyPages).
// A form marked data-passkey="sign-in" or "add" asks data-options for a challenge, hands it to the browser,
// and posts the browser's answer to the form's action; the answer names the page to go to next. The
// browser's own JSON helpers (PublicKeyCredential.parse…FromJSON, credential.toJSON) do the encoding.
(function () {
  'use strict';

  function headers() {
    var result = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      result[header.content] = token.content;
    }
    return result;
  }

  async function post(url, body) {
    var response = await fetch(url, {
      method: 'POST', headers: headers(), credentials: 'same-origin', body: JSON.stringify(body || {})
    });
    var answer = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      throw new Error(answer.problem || 'The clinic did not answer: reload the page and try again.');
    }
    return answer;
  }

  function supported() {
    return window.PublicKeyCredential && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
      && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';
  }

  function show(form, text) {
    var problem = form.querySelector('[data-passkey-problem]');
    problem.textContent = text;
    problem.hidden = false;
  }

  function target(form, parameters) {
    var url = new URL(form.action, window.location.href);
    Object.keys(parameters).forEach(function (name) {
      if (parameters[name]) {
        url.searchParams.set(name, parameters[name]);
      }
    });
    return url.pathname + url.search;
  }

  async function signIn(form) {
    var options = await post(form.dataset.options);
    var credential = await navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options)
    });
    return post(target(form, { 'continue': form.dataset.continue }), credential.toJSON());
  }

  async function add(form) {
    var options = await post(form.dataset.options);
    var credential = await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options)
    });
    var label = form.querySelector('input[name="label"]');
    return post(target(form, { label: label ? label.value : '', 'continue': form.dataset.continue }),
      credential.toJSON());
  }

  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    var button = form.querySelector('button[type="submit"]');
    if (!supported()) {
      show(form, 'This browser cannot use passkeys: use a code instead, or a current browser.');
      button.disabled = true;
      return;
    }
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      button.disabled = true;
      try {
        var answer = form.dataset.passkey === 'add' ? await add(form) : await signIn(form);
        window.location.assign(answer.redirect);
      } catch (error) {
        show(form, error.name === 'NotAllowedError'
          ? 'The passkey was cancelled or took too long: press the button to try again.'
          : error.message);
        button.disabled = false;
      }
    });
  });
})();
