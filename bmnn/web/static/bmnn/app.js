// Small behaviours, loaded as a file so the CSP can forbid inline script.
document.addEventListener("click", function (event) {
  var target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
  var printer = event.target.closest("[data-print]");
  if (printer) {
    event.preventDefault();
    window.print();
  }
});

// Downloads that take a while (a register book of a whole year): show how long it has been running
// until the file arrives. The server answers with a cookie carrying the token sent with the request
// (bmnn.forms.delivery), which is how the page learns that the download has started.
function bmnnToken() {
  return Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
}

function bmnnWatchDownload(note, token) {
  var started = Date.now();
  note.hidden = false;
  note.textContent = "Đang tạo tệp in… (sổ lớn có thể mất vài chục giây; tệp sẽ tự tải về)";
  var timer = window.setInterval(function () {
    var seconds = Math.round((Date.now() - started) / 1000);
    if (document.cookie.split("; ").indexOf("bmnn_download=" + token) >= 0) {
      window.clearInterval(timer);
      note.textContent = "Đã tạo xong tệp in sau " + seconds + " giây; việc in đã ghi vào sổ nhật ký.";
    } else if (seconds > 600) {
      window.clearInterval(timer);
      note.textContent = "Chưa nhận được tệp sau 10 phút; hãy thử lại hoặc báo cán bộ bảo mật.";
    } else {
      note.textContent = "Đang tạo tệp in… " + seconds + " giây (tệp sẽ tự tải về)";
    }
  }, 500);
}

document.addEventListener("submit", function (event) {
  var form = event.target.closest("form[data-download]");
  if (!form) {
    return;
  }
  var token = bmnnToken();
  var input = form.querySelector("input[name=download_token]");
  if (!input) {
    input = document.createElement("input");
    input.type = "hidden";
    input.name = "download_token";
    form.appendChild(input);
  }
  input.value = token;
  var note = form.querySelector("[data-busy]");
  if (note) {
    bmnnWatchDownload(note, token);
  }
});

document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-download]");
  if (!link) {
    return;
  }
  var token = bmnnToken();
  var url = new URL(link.href, window.location.href);
  url.searchParams.set("download_token", token);
  link.href = url.toString();
  var note = link.parentNode.querySelector("[data-busy]");
  if (!note) {
    note = document.createElement("span");
    note.setAttribute("data-busy", "");
    note.setAttribute("role", "status");
    note.className = "busy";
    link.parentNode.appendChild(note);
  }
  bmnnWatchDownload(note, token);
});
