// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var root = document.documentElement;

  // Text size: A− / A / A+, remembered on this device.
  var scales = [0.9, 1, 1.15, 1.3, 1.5];
  var stored = parseInt(localStorage.getItem("textSize") || "1", 10);
  var level = isNaN(stored) ? 1 : Math.min(Math.max(stored, 0), scales.length - 1);
  function applySize() {
    root.style.setProperty("--text-scale", String(scales[level]));
    try { localStorage.setItem("textSize", String(level)); } catch (e) { /* private mode */ }
  }
  applySize();
  document.querySelectorAll("[data-text-size]").forEach(function (group) {
    group.hidden = false;
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-size-step]");
      if (!button) return;
      var step = parseInt(button.getAttribute("data-size-step"), 10);
      level = step === 0 ? 1 : Math.min(Math.max(level + step, 0), scales.length - 1);
      applySize();
    });
  });

  function announce(text) {
    var status = document.querySelector("[data-tool-status]");
    if (status) status.textContent = text;
  }

  // Copy link and print.
  document.querySelectorAll("[data-copy-item]").forEach(function (item) {
    if (!navigator.clipboard) return;
    item.hidden = false;
    var button = item.querySelector("button");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
        announce(button.getAttribute("data-copied"));
      }, function () { /* permission refused: nothing to do */ });
    });
  });
  document.querySelectorAll("[data-print-item]").forEach(function (item) {
    item.hidden = false;
    item.querySelector("button").addEventListener("click", function () { window.print(); });
  });

  // Click to load YouTube/Facebook players: no third-party request before the click.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".embed__link");
    if (!link) return;
    var box = link.parentElement;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = box.getAttribute("data-embed-src");
    frame.title = box.getAttribute("data-embed-title");
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    box.replaceChildren(frame);
    frame.focus();
  });

  // Gallery lightbox: a modal <dialog>; arrow keys, Escape, swipe.
  document.querySelectorAll("[data-gallery]").forEach(function (gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("a[data-full]"));
    if (!links.length || typeof HTMLDialogElement !== "function") return;
    var label = function (name) { return gallery.getAttribute("data-label-" + name); };
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", label("dialog"));
    dialog.innerHTML =
      '<figure><img alt=""><figcaption></figcaption></figure>' +
      '<div class="lightbox__bar"><button type="button" data-move="-1"></button>' +
      '<span aria-live="polite"></span><button type="button" data-move="1"></button>' +
      '<button type="button" data-close></button></div>';
    var image = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var position = dialog.querySelector("span");
    dialog.querySelector('[data-move="-1"]').textContent = "← " + label("previous");
    dialog.querySelector('[data-move="1"]').textContent = label("next") + " →";
    dialog.querySelector("[data-close]").textContent = label("close");
    document.body.appendChild(dialog);
    var current = 0;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      image.src = link.getAttribute("data-full");
      image.alt = link.getAttribute("data-alt") || "";
      caption.textContent = link.getAttribute("data-caption") || "";
      position.textContent = label("position")
        .replace("{n}", String(current + 1)).replace("{total}", String(links.length));
    }
    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        show(index);
        dialog.showModal();
      });
    });
    dialog.addEventListener("click", function (event) {
      var move = event.target.closest("[data-move]");
      if (move) show(current + parseInt(move.getAttribute("data-move"), 10));
      else if (event.target.closest("[data-close]") || event.target === dialog) dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
      if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
    });
    dialog.addEventListener("close", function () { links[current].focus(); });
    var startX = null;
    dialog.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    dialog.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      var dx = event.clientX - startX;
      startX = null;
      if (Math.abs(dx) > 50) show(current + (dx < 0 ? 1 : -1));
    });
  });
})();
