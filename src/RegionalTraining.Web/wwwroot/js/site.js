// Keeps what a director types in a profile section in this browser until the server has saved it, so an
// expired session, a lost connection or a closed tab does not lose the work. Drafts are keyed by the
// section's version: once the section is saved its version changes and the old draft is discarded.
(function () {
  'use strict';
  var PREFIX = 'rt-draft:';

  function storage() {
    try {
      var probe = PREFIX + 'probe';
      window.localStorage.setItem(probe, '1');
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  var store = storage();
  if (!store) {
    return;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== '__RequestVerificationToken' && el.name !== 'Version' && !el.disabled && !el.readOnly &&
        el.type !== 'hidden' && el.type !== 'submit' && el.type !== 'button';
    });
  }

  function read(form) {
    var values = {};
    fields(form).forEach(function (el) {
      values[el.name] = el.type === 'checkbox' ? (el.checked ? 'true' : '')
        : el.type === 'select-multiple' ? Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; }).join('\n')
          : el.value;
    });
    return values;
  }

  function write(form, values) {
    var changed = false;
    fields(form).forEach(function (el) {
      if (!Object.prototype.hasOwnProperty.call(values, el.name)) {
        return;
      }
      if (el.type === 'select-multiple') {
        var chosen = values[el.name].split('\n');
        Array.prototype.forEach.call(el.options, function (o) {
          var selected = chosen.indexOf(o.value) >= 0;
          if (o.selected !== selected) { o.selected = selected; changed = true; }
        });
      } else if (el.type === 'checkbox') {
        var checked = values[el.name] === 'true';
        if (el.checked !== checked) { el.checked = checked; changed = true; }
      } else if (el.value !== values[el.name]) {
        el.value = values[el.name];
        changed = true;
      }
    });
    return changed;
  }

  document.querySelectorAll('form[data-keep-draft]').forEach(function (form) {
    var family = PREFIX + form.getAttribute('data-keep-draft-family');
    var key = PREFIX + form.getAttribute('data-keep-draft');
    if (form.querySelector('fieldset[disabled]')) {
      // Submitted or approved: nothing here can be saved any more, so no draft is restored or kept.
      for (var j = store.length - 1; j >= 0; j--) {
        var old = store.key(j);
        if (old && old.indexOf(family) === 0) { store.removeItem(old); }
      }
      return;
    }
    // Drafts of older versions of this section were saved (or overtaken): drop them.
    for (var i = store.length - 1; i >= 0; i--) {
      var existing = store.key(i);
      if (existing && existing.indexOf(family) === 0 && existing !== key) {
        store.removeItem(existing);
      }
    }

    var saved = store.getItem(key);
    if (saved) {
      try {
        if (write(form, JSON.parse(saved))) {
          var notice = document.getElementById('draft-restored');
          if (notice) { notice.hidden = false; }
          // A restored form folded inside <details> would stay unseen.
          var fold = form.closest('details');
          if (fold) { fold.open = true; }
        }
      } catch (e) {
        store.removeItem(key);
      }
    }

    var timer = null;
    function remember() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        try { store.setItem(key, JSON.stringify(read(form))); } catch (e) { /* storage full: nothing to do */ }
      }, 300);
    }

    form.addEventListener('input', remember);
    form.addEventListener('change', remember);
  });

  // Signing out on a shared computer leaves no draft behind.
  document.querySelectorAll('form[action$="/Account/Logout"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      for (var i = store.length - 1; i >= 0; i--) {
        var k = store.key(i);
        if (k && k.indexOf(PREFIX) === 0) { store.removeItem(k); }
      }
    });
  });
}());

// After an addition the page comes back at "#add-…": the add form opens again, ready for the next entry, instead of
// folding away after every item.
(function () {
  'use strict';
  var id = window.location.hash.slice(1);
  var target = id ? document.getElementById(id) : null;
  if (target && target.tagName === 'DETAILS') {
    target.open = true;
    var first = target.querySelector('input:not([type=hidden]), select, textarea');
    if (first) { first.focus({ preventScroll: true }); }
  }
}());

// Buttons with data-confirm ask before an act that cannot be taken back quietly (publishing, approving).
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
}());

// A table wider than the screen scrolls inside its frame; keyboard users must be able to reach the frame to scroll it.
(function () {
  'use strict';
  document.querySelectorAll('.table-responsive').forEach(function (frame) {
    if (frame.scrollWidth > frame.clientWidth && !frame.hasAttribute('tabindex')) {
      frame.setAttribute('tabindex', '0');
    }
  });
}());

// An administrator chooses the new meeting's directorate: the follow-up offer names that directorate's previous meeting
// only, and is withdrawn when it has none (without script the list names every directorate's, which still reads right).
(function () {
  'use strict';
  document.querySelectorAll('[data-follow-up-by-directorate]').forEach(function (offer) {
    var select = document.getElementById(offer.getAttribute('data-follow-up-by-directorate'));
    var box = offer.querySelector('.form-check');
    var item = offer.querySelector('[data-follow-up-item]');
    if (!select || !box || !item) { return; }
    function show() {
      var offered = false;
      offer.querySelectorAll('[data-directorate]').forEach(function (line) {
        var chosen = line.getAttribute('data-directorate') === select.value;
        line.hidden = !chosen;
        offered = offered || (chosen && line.hasAttribute('data-previous'));
      });
      box.hidden = !offered;
      item.hidden = !offered;
    }
    select.addEventListener('change', show);
    show();
  });
}());
