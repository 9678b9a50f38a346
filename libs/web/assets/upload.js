/*
 * Upload progress on the materials page (portal/materials.njk). Without this script each form
 * posts as multipart and the server answers with the page again; with it, the same request goes
 * by XMLHttpRequest, so a <progress> bar can show how much has been sent. Every word comes from
 * the page's data attributes (the message catalogues); errors appear in words next to the item.
 */
(function () {
  'use strict';

  var list = document.querySelector('.materials[data-upload-checking]');
  if (!list || !window.XMLHttpRequest || !window.FormData) return;
  var words = {
    checking: list.getAttribute('data-upload-checking'),
    failed: list.getAttribute('data-upload-failed'),
    errorPrefix: list.getAttribute('data-upload-error-prefix'),
  };

  Array.prototype.forEach.call(list.querySelectorAll('form[data-upload]'), function (form) {
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      // No file chosen: let the form post, so the server says so as it does without script.
      if (!input || !input.files || input.files.length === 0) return;
      event.preventDefault();
      upload(form, input);
    });
  });

  function upload(form, input) {
    var code = form.getAttribute('data-upload');
    var button = form.querySelector('button[type=submit]');
    var ui = progressOf(form, code);
    clearError(form, input, code);
    ui.label.textContent = form.getAttribute('data-upload-label');
    show(ui, 0);
    ui.box.hidden = false;
    button.disabled = true;

    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.responseType = 'document';
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable && event.total > 0) show(ui, Math.min(100, Math.round((event.loaded / event.total) * 100)));
    });
    xhr.upload.addEventListener('load', function () {
      show(ui, 100);
      ui.label.textContent = words.checking;
    });
    xhr.addEventListener('load', function () {
      if (xhr.status >= 200 && xhr.status < 300) return open(xhr.responseURL, code);
      fail(errorIn(xhr.response, code) || words.failed);
    });
    xhr.addEventListener('error', function () {
      fail(words.failed);
    });
    xhr.addEventListener('abort', function () {
      fail(words.failed);
    });
    xhr.send(new FormData(form));

    function fail(message) {
      ui.box.hidden = true;
      button.disabled = false;
      showError(form, input, code, message);
    }
  }

  /** The server answered with the page after the upload (its 303 followed): show that page at the item. */
  function open(url, code) {
    var target = (url || window.location.href).split('#')[0];
    if (target === window.location.href.split('#')[0]) {
      window.location.hash = 'm-' + code;
      window.location.reload();
    } else {
      window.location.assign(target + '#m-' + code);
    }
  }

  function progressOf(form, code) {
    var box = form.querySelector('.upload-progress');
    if (!box) {
      box = document.createElement('div');
      box.className = 'upload-progress';
      box.hidden = true;
      var label = document.createElement('label');
      label.id = 'progress-' + code + '-label';
      label.htmlFor = 'progress-' + code;
      label.setAttribute('aria-live', 'polite');
      var row = document.createElement('div');
      row.className = 'upload-progress__bar';
      var bar = document.createElement('progress');
      bar.id = 'progress-' + code;
      bar.max = 100;
      var percent = document.createElement('span');
      percent.className = 'upload-progress__percent';
      percent.setAttribute('aria-hidden', 'true');
      row.appendChild(bar);
      row.appendChild(percent);
      box.appendChild(label);
      box.appendChild(row);
      form.appendChild(box);
    }
    return { box: box, label: box.querySelector('label'), bar: box.querySelector('progress'), percent: box.querySelector('.upload-progress__percent') };
  }

  function show(ui, percent) {
    ui.bar.value = percent;
    ui.bar.textContent = percent + '%';
    ui.percent.textContent = percent + '%';
  }

  /** The error the server wrote next to the item (or at the top of its page), in the page's language. */
  function errorIn(page, code) {
    if (!page || !page.querySelector) return null;
    var field = page.getElementById('file-' + code + '-error');
    if (field) {
      var copy = field.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll('.vh'), function (hidden) {
        hidden.remove();
      });
      return copy.textContent.trim() || null;
    }
    var other = page.querySelector('.error-summary li') || page.querySelector('.error-page .lead');
    return other ? other.textContent.trim() || null : null;
  }

  function showError(form, input, code, message) {
    var item = form.closest('.material');
    var id = 'file-' + code + '-error';
    var error = document.getElementById(id);
    if (!error) {
      error = document.createElement('p');
      error.className = 'field-error';
      error.id = id;
      input.parentNode.insertBefore(error, input);
    }
    error.setAttribute('role', 'alert');
    error.textContent = '';
    var prefix = document.createElement('span');
    prefix.className = 'vh';
    prefix.textContent = words.errorPrefix;
    error.appendChild(prefix);
    error.appendChild(document.createTextNode(message));
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (token) {
      return token && token !== id;
    });
    described.push(id);
    input.setAttribute('aria-describedby', described.join(' '));
    if (item) item.classList.add('has-error');
  }

  function clearError(form, input, code) {
    var id = 'file-' + code + '-error';
    var error = document.getElementById(id);
    if (error) error.remove();
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (token) {
      return token && token !== id;
    });
    input.setAttribute('aria-describedby', described.join(' '));
    var item = form.closest('.material');
    if (item) item.classList.remove('has-error');
  }
})();
