// The brand kit page's copy buttons. Without this script every text is on
// the page, ready to select; with it, each gets a button that copies it,
// and a screen reader hears that it did. The words come from the page's
// language, on <body data-copy data-copied data-copy-failed>.
(function () {
  "use strict";
  var words = document.body.dataset;
  var status = document.querySelector(".kit-status");

  function announce(text) {
    if (!status) return;
    // Emptied first, so that the same word twice is announced twice.
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 60);
  }

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // Where the Clipboard API is missing (a page opened from disk, an old
  // browser), the text is selected and copied the old way, or left
  // selected for the reader to copy.
  function fallback(node) {
    select(node);
    try {
      return document.execCommand("copy");
    } catch (e) {
      return false;
    }
  }

  document.querySelectorAll("pre.copy-text").forEach(function (pre) {
    var head = pre.parentNode.querySelector(".copy-head");
    if (!head) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = words.copy;
    var describe = pre.getAttribute("data-describedby");
    if (describe) button.setAttribute("aria-describedby", describe);
    var timer;

    function done() {
      var hint = head.querySelector(".copy-hint");
      if (hint) hint.remove();
      button.textContent = words.copied;
      button.classList.add("is-copied");
      announce(words.copied);
      clearTimeout(timer);
      timer = setTimeout(function () {
        button.textContent = words.copy;
        button.classList.remove("is-copied");
      }, 2000);
    }

    // Where nothing could copy, the text stays selected and the block
    // says so, to the eye and to a screen reader.
    function failed() {
      if (fallback(pre)) {
        done();
        return;
      }
      var hint = head.querySelector(".copy-hint");
      if (!hint) {
        hint = document.createElement("span");
        hint.className = "copy-hint";
        head.insertBefore(hint, button);
      }
      hint.textContent = words.copyFailed;
      announce(words.copyFailed);
    }

    button.addEventListener("click", function () {
      var text = pre.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, failed);
      } else {
        failed();
      }
    });
    head.appendChild(button);
  });
})();
