/*
 * The admin's date pickers keep what the editor typed.
 *
 * With its default validateOnBlur, the jQuery datetimepicker that Wagtail's date widgets use
 * replaced a text it could not read with the current date and time when the field was left,
 * silently ("15/06/2022" in a Y-m-d picker became today). Now the text stays: the server
 * reads it with DATE_INPUT_FORMATS / DATETIME_INPUT_FORMATS, or answers with an error on the
 * field. The pickers are created by the page's inline scripts, after this file has run, and
 * by StreamField blocks later; all of them start from these defaults.
 *
 * The picker's list of times offers every 5 minutes instead of whole hours (its default
 * step); any other minute is typed ("15/06/2030 09:37").
 */
(() => {
  'use strict';

  const picker = window.jQuery && window.jQuery.fn.datetimepicker;
  if (picker && picker.defaults) {
    picker.defaults.validateOnBlur = false;
    picker.defaults.step = 5;
  }
})();
