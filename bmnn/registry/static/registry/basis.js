// "Gợi ý căn cứ": picking a suggested Danh mục item selects it in the basis list, which then
// refreshes the level / period preview (htmx listens for the change). A file, not inline: strict CSP.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-pick-basis]");
  if (!button) {
    return;
  }
  event.preventDefault();
  var select = document.getElementById("id_basis");
  var value = button.getAttribute("data-pick-basis");
  var option = null;
  if (select) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) {
        option = select.options[i];
      }
    }
  }
  if (!option) {
    button.textContent = "Mục này không có trong danh sách căn cứ";
    return;
  }
  option.selected = true;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  button.textContent = "Đã chọn làm căn cứ";
  button.disabled = true;
});
