// Draws each dashboard table as a bar chart beside it. The chart is read from the table, so it can never
// show anything the table (which screen readers and exports use) does not also show.
(function () {
  'use strict';
  var rtl = document.documentElement.dir === 'rtl';
  var numbers = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 1 });

  // Thousands apart by a narrow no-break space, as the pages write amounts: ar-MA and fr-MA group with a point, which
  // readers here (and the forms) take for the decimal mark.
  function format(value) {
    return numbers.formatToParts(value).map(function (part) { return part.type === 'group' ? '\u202f' : part.value; }).join('');
  }

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });

  if (typeof window.Chart === 'undefined') {
    return;
  }

  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var column = parseInt(table.getAttribute('data-chart'), 10);
    var holder = table.closest('.dashboard-table').querySelector('.chart-holder');
    if (!holder || isNaN(column)) {
      return;
    }

    var labels = [];
    var values = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      var cell = row.querySelectorAll('td')[column - 1];
      // data-value where the text is grouped or has a decimal comma; otherwise the text is the number.
      values.push(cell ? parseFloat(cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent) || 0 : 0);
    });

    var whole = values.every(function (value) { return Math.round(value) === value; });
    var canvas = document.createElement('canvas');
    // Set through the CSS object model, which the content security policy allows (unlike a style attribute).
    holder.style.height = Math.max(140, 30 * labels.length + 50) + 'px';
    holder.appendChild(canvas);
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [{ label: table.querySelectorAll('thead th')[column].textContent.trim(), data: values, backgroundColor: '#0b3d62' }]
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        locale: document.documentElement.lang,
        plugins: {
          legend: { display: false, rtl: rtl },
          tooltip: { rtl: rtl, textDirection: rtl ? 'rtl' : 'ltr', callbacks: { label: function (item) { return format(item.parsed.x); } } }
        },
        scales: {
          // Counts step by whole numbers: an axis of 0, 0.1 … 1 for one item reads as if items came in tenths.
          x: { reverse: rtl, beginAtZero: true, ticks: { precision: whole ? 0 : undefined, callback: format } },
          y: { position: rtl ? 'right' : 'left' }
        }
      }
    });
  });
}());
