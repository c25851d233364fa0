/* ocop-catalogue: small progressive enhancements (the site works without JavaScript). */
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-ocop-print]");
  if (button) { window.print(); }
});
