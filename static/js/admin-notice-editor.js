// The notice editor: Up and Down buttons put rows in order (the hidden position fields are
// renumbered from the order on screen when the form is sent), and leaving the page with unsaved
// changes asks first.
(function () {
  "use strict";

  function rowsOf(group) {
    return Array.prototype.filter.call(
      group.querySelectorAll(".inline-related, tr.form-row"),
      function (row) {
        return !row.classList.contains("empty-form") && row.querySelector("input[name$='-position']");
      }
    );
  }

  function describe(row, index) {
    var heading = row.querySelector("input[name$='-heading'], input[name$='-record_type']");
    var name = heading && heading.value ? heading.value : "row " + (index + 1);
    return name;
  }

  function addButtons(group) {
    rowsOf(group).forEach(function (row, index) {
      if (row.querySelector(".row-order")) {
        return;
      }
      var holder = document.createElement("div");
      holder.className = "row-order";
      [["up", "Move up"], ["down", "Move down"]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "row-order__button";
        button.dataset.direction = pair[0];
        button.textContent = pair[1];
        button.setAttribute("aria-label", pair[1] + ": " + describe(row, index));
        holder.appendChild(button);
      });
      var place = row.querySelector("h3") || row.querySelector("td.original") || row.firstElementChild;
      if (row.tagName === "TR") {
        (row.querySelector("td.original") || row.firstElementChild).appendChild(holder);
      } else {
        place.insertAdjacentElement("afterend", holder);
      }
    });
  }

  function move(button) {
    var row = button.closest(".inline-related, tr.form-row");
    var group = button.closest(".inline-group");
    var rows = rowsOf(group);
    var index = rows.indexOf(row);
    var other = button.dataset.direction === "up" ? rows[index - 1] : rows[index + 1];
    if (!other) {
      return;
    }
    if (button.dataset.direction === "up") {
      other.parentNode.insertBefore(row, other);
    } else {
      other.parentNode.insertBefore(other, row);
    }
    group.dataset.reordered = "true";
    renumber(group);
    button.focus();
    var status = document.getElementById("row-order-status");
    if (status) {
      status.textContent = describe(row, index) + " is now number " + (rowsOf(group).indexOf(row) + 1) + ".";
    }
    dirty = true;
  }

  function renumber(group) {
    rowsOf(group).forEach(function (row, index) {
      row.querySelector("input[name$='-position']").value = String(index + 1);
    });
  }

  var dirty = false;
  var sending = false;

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("notice_form") || document.getElementById("sharedblock_form");
    if (!form) {
      return;
    }
    var status = document.createElement("p");
    status.id = "row-order-status";
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    form.appendChild(status);
    form.querySelectorAll(".inline-group").forEach(addButtons);
    form.addEventListener("click", function (event) {
      var button = event.target.closest(".row-order__button");
      if (button) {
        move(button);
      }
    });
    form.addEventListener("input", function () {
      dirty = true;
    });
    form.addEventListener("change", function () {
      dirty = true;
    });
    form.addEventListener("submit", function () {
      sending = true;
      // Only where rows were moved or added: renumbering the rest would record needless changes.
      form.querySelectorAll(".inline-group[data-reordered]").forEach(renumber);
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty && !sending) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  });

  document.addEventListener("formset:added", function (event) {
    var group = event.target.closest(".inline-group");
    if (group) {
      addButtons(group);
      group.dataset.reordered = "true";
      renumber(group);
    }
  });
})();
