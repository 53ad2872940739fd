/*
 * The browser's own checks of the admin's forms speak Vietnamese.
 *
 * Chromium answers an empty required field or a malformed e-mail address with its own
 * bubble in the browser's language ("Please fill out this field."). Here the bubble shows
 * the words the server uses for the same error (Django's messages, from the admin's
 * JavaScript catalogue); the server still checks everything.
 */
(() => {
  'use strict';

  const gettext = window.gettext || ((text) => text);

  const messageFor = (field) => {
    const { validity } = field;
    if (validity.valueMissing) return gettext('This field is required.');
    if (validity.typeMismatch && field.type === 'email') {
      return gettext('Enter a valid email address.');
    }
    if (validity.typeMismatch && field.type === 'url') return gettext('Enter a valid URL.');
    if (validity.badInput && field.type === 'number') return gettext('Enter a number.');
    return gettext('Enter a valid value.');
  };

  const canExplain = (field) => typeof field.setCustomValidity === 'function';

  document.addEventListener(
    'invalid',
    (event) => {
      const field = event.target;
      if (!canExplain(field)) return;
      field.setCustomValidity('');
      if (!field.validity.valid) field.setCustomValidity(messageFor(field));
    },
    true,
  );

  // A message set here must not outlive the value it was about.
  const clear = (event) => {
    if (canExplain(event.target)) event.target.setCustomValidity('');
  };
  document.addEventListener('input', clear, true);
  document.addEventListener('change', clear, true);
})();
