// Draws each dashboard table as a bar chart beside it. The chart is read from the table, so it can never
// show anything the table (which screen readers and exports use) does not also show.
(function () {
  'use strict';
  var rtl = document.documentElement.dir === 'rtl';

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
      values.push(cell ? parseFloat(cell.getAttribute('data-value')) || 0 : 0);
    });

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
        plugins: { legend: { display: false, rtl: rtl }, tooltip: { rtl: rtl, textDirection: rtl ? 'rtl' : 'ltr' } },
        scales: { x: { reverse: rtl, beginAtZero: true }, y: { position: rtl ? 'right' : 'left' } }
      }
    });
  });
}());
