// Outcomes report charts: the mean change from baseline at each follow-up window and the mean score
// by week since the first dose, one line per program, each point with its 95 % confidence interval
// drawn as a whisker; the waterfall of individual changes. The figures sit in
// <script type="application/json" id="outcomes-data"> ({windows, series: [{label, mean, low, high}]});
// a suppressed figure is null and leaves a gap. Loaded with defer after Chart.js (CSP script-src 'self').
(function () {
  'use strict';

  // The browser's own print dialog saves the whole report (cohort, method, date) as PDF.
  var print = document.getElementById('print-report');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }

  var canvas = document.getElementById('outcomes-chart');
  var source = document.getElementById('outcomes-data');
  if (!canvas || !source || typeof window.Chart === 'undefined') {
    return;
  }
  var data;
  try {
    data = JSON.parse(source.textContent);
  } catch (e) {
    return;
  }
  function isNumber(v) { return typeof v === 'number'; }
  var palette = ['#0d6efd', '#198754', '#d63384', '#fd7e14', '#6f42c1'];
  var series = Array.isArray(data.series) ? data.series : [];

  // Draws each point's interval as a vertical whisker (Chart.js has no error bars of its own).
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var y = chart.scales.y;
      chart.data.datasets.forEach(function (dataset, i) {
        var meta = chart.getDatasetMeta(i);
        if (meta.hidden) {
          return;
        }
        meta.data.forEach(function (point, j) {
          var low = dataset.low[j];
          var high = dataset.high[j];
          if (low === null || high === null || low === undefined || high === undefined) {
            return;
          }
          ctx.save();
          ctx.strokeStyle = dataset.borderColor;
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(point.x, y.getPixelForValue(low));
          ctx.lineTo(point.x, y.getPixelForValue(high));
          ctx.moveTo(point.x - 4, y.getPixelForValue(low));
          ctx.lineTo(point.x + 4, y.getPixelForValue(low));
          ctx.moveTo(point.x - 4, y.getPixelForValue(high));
          ctx.lineTo(point.x + 4, y.getPixelForValue(high));
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };

  new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: data.windows || [],
      datasets: series.map(function (s, i) {
        var colour = palette[i % palette.length];
        return {
          label: s.label,
          data: s.mean,
          low: s.low,
          high: s.high,
          borderColor: colour,
          backgroundColor: colour,
          spanGaps: false,
          borderDash: i === 0 ? [] : [6, 3]
        };
      })
    },
    options: {
      animation: false,
      scales: {
        y: {
          suggestedMin: Math.floor(Math.min.apply(null, series.map(function (s) { return Math.min.apply(null, s.low.filter(isNumber).concat([0])); }))),
          suggestedMax: Math.ceil(Math.max.apply(null, series.map(function (s) { return Math.max.apply(null, s.high.filter(isNumber).concat([0])); }))),
          title: { display: true, text: 'Mean change from baseline (negative is better)' }
        }
      },
      plugins: { legend: { position: 'bottom' } }
    },
    plugins: [whiskers]
  });

  // The mean score by week since the first dose: x is the week (0 = baseline), one line per
  // program. A week not shown (suppressed or not measured) is a gap in the line, not a straight
  // join across it, and the y axis reaches every interval's ends.
  var weekly = document.getElementById('weekly-chart');
  var weeks = Array.isArray(data.weeks) ? data.weeks : [];
  if (weekly && weeks.length > 0) {
    var lastWeek = 0;
    var lowest = Infinity;
    var highest = -Infinity;
    weeks.forEach(function (s) {
      s.week.forEach(function (week, j) {
        lastWeek = Math.max(lastWeek, week);
        [s.mean[j], s.low[j], s.high[j]].forEach(function (v) {
          if (v !== null && v !== undefined) {
            lowest = Math.min(lowest, v);
            highest = Math.max(highest, v);
          }
        });
      });
    });
    new window.Chart(weekly, {
      type: 'line',
      data: {
        datasets: weeks.map(function (s, i) {
          var colour = palette[i % palette.length];
          var points = [];
          var low = [];
          var high = [];
          for (var week = 0; week <= lastWeek; week++) {
            var j = s.week.indexOf(week);
            points.push({ x: week, y: j < 0 ? null : s.mean[j] });
            low.push(j < 0 ? null : s.low[j]);
            high.push(j < 0 ? null : s.high[j]);
          }
          return {
            label: s.label,
            data: points,
            low: low,
            high: high,
            borderColor: colour,
            backgroundColor: colour,
            pointRadius: 2,
            spanGaps: false,
            borderDash: i === 0 ? [] : [6, 3]
          };
        })
      },
      options: {
        animation: false,
        parsing: false,
        scales: {
          x: { type: 'linear', min: 0, max: lastWeek, title: { display: true, text: 'Weeks since the first dose (0 = baseline)' } },
          y: { suggestedMin: Math.floor(lowest), suggestedMax: Math.ceil(highest), title: { display: true, text: 'Mean score' } }
        },
        plugins: { legend: { position: 'bottom' } }
      },
      plugins: [whiskers]
    });
  }

  // The waterfall: each course's percent change at percentile resolution, best first; a drop of
  // half or more (a response on PHQ-9, GAD-7, MADRS) in green, a worsening in red.
  var waterfall = document.getElementById('waterfall-chart');
  var changes = Array.isArray(data.waterfall) ? data.waterfall : [];
  if (waterfall && changes.length > 0) {
    new window.Chart(waterfall, {
      type: 'bar',
      data: {
        labels: changes.map(function (_, i) { return i + '%'; }),
        datasets: [{
          label: 'Percent change from baseline',
          data: changes,
          backgroundColor: changes.map(function (v) { return v <= -50 ? '#198754' : (v > 0 ? '#dc3545' : '#6c757d'); }),
          categoryPercentage: 1.0,
          barPercentage: 1.0
        }]
      },
      options: {
        animation: false,
        scales: {
          x: { title: { display: true, text: 'Courses, best to worst (percentile)' }, ticks: { maxTicksLimit: 11 } },
          y: { title: { display: true, text: 'Percent change from baseline' } }
        },
        plugins: { legend: { display: false } }
      }
    });
  }
}());
