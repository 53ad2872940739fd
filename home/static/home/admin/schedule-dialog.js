/*
 * The scheduling dialog ("Đặt lịch") of the page editor.
 *
 * - Its date pickers open inside the dialog, below their input, so they push the
 *   "Lưu lịch" button down instead of covering it (schedule-dialog.css).
 * - Wagtail's autosave posts the whole form, the dialog's inputs included: it now sends the
 *   times last saved, so nothing typed in the dialog is stored before "Lưu lịch" is pressed
 *   (the server keeps the saved times too: cms/editorial/views.py).
 */
(() => {
  'use strict';

  const DIALOG = '#schedule-publishing-dialog';
  const picker = window.jQuery && window.jQuery.fn.datetimepicker;

  const inDialog = ($input) => Boolean($input && $input[0] && $input[0].closest(DIALOG));
  const hideTimers = new WeakMap();

  if (picker && picker.defaults) {
    // Runs as a picker opens, before it positions itself.
    picker.defaults.onShow = function placeBelowInputInDialog(currentTime, $input) {
      clearTimeout(hideTimers.get(this[0]));
      if (!inDialog($input)) return true;
      const field = $input[0].parentElement;
      if (this[0].parentElement !== field) field.append(this[0]);
      return true;
    };
    // The picker closes as its input loses focus, on the mousedown of a click on "Lưu lịch";
    // hidden at once, it would pull the button up from under the pointer before the click.
    picker.defaults.onClose = function hideAfterTheClick(currentTime, $input) {
      if (!inDialog($input)) return true;
      const element = this;
      hideTimers.set(element[0], setTimeout(() => element.hide(), 300));
      return false;
    };
  }

  document.addEventListener('w-autosave:save', (event) => {
    const form = event.target;
    const formData = event.detail && event.detail.formData;
    if (!(form instanceof HTMLFormElement) || !formData) return;
    form.querySelectorAll(`${DIALOG} input[name]`).forEach((input) => {
      if (formData.has(input.name)) formData.set(input.name, input.defaultValue);
    });
  });
})();
