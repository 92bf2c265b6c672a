// Rathausplatz admin: live preview of brand colours on /admin/gestaltung.
// Progressive enhancement only: without it the "Vorschau anzeigen" button renders the same
// preview on the server. Sets CSS custom properties through the CSSOM (allowed by the CSP,
// which forbids inline style attributes and <style> elements) and updates the contrast figures.
(function () {
  "use strict";
  var form = document.querySelector("[data-brand-form]");
  var box = document.querySelector("[data-preview-box]");
  if (!form || !box) { return; }

  function channel(value) {
    var s = value / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }
  function luminance(hex) {
    var n = parseInt(hex.slice(1), 16);
    return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  }
  function ratio(hex) { return 1.05 / (luminance(hex) + 0.05); } // against white (luminance 1)
  function readableOn(hex) { return ratio(hex) >= (luminance(hex) + 0.05) / 0.05 ? "#ffffff" : "#000000"; }
  function valid(hex) { return /^#[0-9a-fA-F]{6}$/.test(hex); }

  var lang = document.documentElement.lang || "de";
  function update(input) {
    var hex = input.value;
    if (!valid(hex)) { return; }
    // A colour that cannot be saved is not previewed (the ratio below shows why): the box keeps the
    // saved colour rather than show unreadable text.
    var ok = ratio(hex) >= parseFloat(input.dataset.required);
    if (input.dataset.preview === "primary") {
      if (ok) {
        box.style.setProperty("--pv-primary", hex);
        box.style.setProperty("--pv-on-primary", readableOn(hex));
      } else {
        box.style.removeProperty("--pv-primary");
        box.style.removeProperty("--pv-on-primary");
      }
    } else if (ok) {
      box.style.setProperty("--pv-secondary", hex);
    } else {
      box.style.removeProperty("--pv-secondary");
    }
    var output = form.querySelector('[data-ratio-for="' + input.id + '"]');
    if (output) {
      var value = Math.floor(ratio(hex) * 100) / 100;
      var text = output.textContent;
      output.textContent = text.replace(/[0-9]+([.,][0-9]+)?:1/, value.toLocaleString(lang, { maximumFractionDigits: 2 }) + ":1");
      output.classList.toggle("color-field__ratio--low", value < parseFloat(input.dataset.required));
    }
  }
  form.querySelectorAll("input[data-preview]").forEach(function (input) {
    input.addEventListener("input", function () { update(input); });
    update(input);
  });
})();
