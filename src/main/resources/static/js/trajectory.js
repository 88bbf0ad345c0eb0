// Score trajectory on the measures page: a line of totals over the instrument's severity
// bands. The data sits in <script type="application/json" id="trajectory-data">
// ({labels, totals, bands: [{code, min, max}], doses: [{at, label}], min, max, continuous}), so no inline
// script is needed (CSP script-src 'self'). Loaded with defer after Chart.js.
(function () {
  'use strict';

  var canvas = document.getElementById('trajectory');
  var source = document.getElementById('trajectory-data');
  if (!canvas || !source || typeof window.Chart === 'undefined') {
    return;
  }
  var data;
  try {
    data = JSON.parse(source.textContent);
  } catch (e) {
    return;
  }
  var labels = Array.isArray(data.labels) ? data.labels : [];
  var totals = Array.isArray(data.totals) ? data.totals : [];
  var bands = Array.isArray(data.bands) ? data.bands.slice() : [];
  bands.sort(function (a, b) { return a.min - b.min; });
  var min = typeof data.min === 'number' ? data.min : 0;
  var max = typeof data.max === 'number' ? data.max : undefined;

  // Mildest band green, most severe red; light, so the line stays readable.
  function shade(index) {
    var hue = bands.length > 1 ? 120 - (120 * index) / (bands.length - 1) : 120;
    return 'hsla(' + hue + ', 70%, 45%, 0.14)';
  }

  // Bands are inclusive integer ranges: integer totals split halfway between bands;
  // a one-decimal mean belongs to the last band starting at or below it.
  function edges(index) {
    var band = bands[index];
    var previous = bands[index - 1];
    var next = bands[index + 1];
    var lower = previous ? (data.continuous ? band.min : (previous.max + band.min) / 2) : min;
    var upper = next ? (data.continuous ? next.min : (band.max + next.min) / 2)
      : (max !== undefined ? max : band.max);
    return { lower: lower, upper: upper };
  }

  function bandOf(value) {
    var found = null;
    bands.forEach(function (band) {
      if (value >= band.min) {
        found = band;
      }
    });
    return found;
  }

  var severityBands = {
    id: 'severityBands',
    beforeDatasetsDraw: function (chart) {
      if (!bands.length) {
        return;
      }
      var area = chart.chartArea;
      var y = chart.scales.y;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      bands.forEach(function (band, index) {
        var edge = edges(index);
        var top = Math.max(area.top, y.getPixelForValue(edge.upper));
        var bottom = Math.min(area.bottom, y.getPixelForValue(edge.lower));
        if (bottom <= top) {
          return;
        }
        ctx.fillStyle = shade(index);
        ctx.fillRect(area.left, top, area.right - area.left, bottom - top);
        if (bottom - top >= 14) {
          ctx.fillStyle = 'rgba(33, 37, 41, 0.65)';
          ctx.fillText(String(band.code).replace(/-/g, ' '), area.right - 6, (top + bottom) / 2);
        }
      });
      ctx.restore();
    }
  };

  // Doses (reported by the dosing module) as dashed vertical lines between the scores
  // before and after them; data.doses = [{at: fractional index, label}].
  var doses = Array.isArray(data.doses) ? data.doses : [];
  var doseLines = {
    id: 'doseLines',
    afterDatasetsDraw: function (chart) {
      if (!doses.length) {
        return;
      }
      var area = chart.chartArea;
      var x = chart.scales.x;
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = 'rgba(111, 66, 193, 0.8)';
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1.5;
      doses.forEach(function (dose) {
        var px = x.getPixelForValue(dose.at);
        if (px < area.left || px > area.right) {
          return;
        }
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
      });
      ctx.restore();
    }
  };

  var yTicks = data.continuous ? { includeBounds: false } : { precision: 0, includeBounds: false };
  var options = {
    responsive: true,
    maintainAspectRatio: true,
    aspectRatio: window.matchMedia('(max-width: 575.98px)').matches ? 1.3 : 2.4,
    scales: {
      y: { min: min, max: max, ticks: yTicks, title: { display: true, text: 'Total' } },
      x: { ticks: { maxRotation: 0, autoSkip: true } }
    },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          afterLabel: function (item) {
            var band = bandOf(item.parsed.y);
            return band ? String(band.code).replace(/-/g, ' ') : '';
          }
        }
      }
    }
  };
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
    options.animation = false;
  }

  new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: labels,
      datasets: [{
        label: (data.instrument || 'Score') + ' total',
        data: totals,
        borderColor: '#0d6efd',
        backgroundColor: '#0d6efd',
        borderWidth: 2,
        pointRadius: 4,
        pointHoverRadius: 6,
        tension: 0
      }]
    },
    options: options,
    plugins: [severityBands, doseLines]
  });
}());
