// Draws the thread timeline's lanes from their data attributes and shows a bucket's states on hover;
// sorts every table by the column whose header is clicked.
// Static: it reads recorded text only through attributes and cells, and writes it only as text.
(function () {
  'use strict';

  // A cell's number: its data-v, else the number its text starts with (thousands commas dropped); NaN for none.
  function number(cell) {
    if (cell.dataset.v !== undefined) {
      return parseFloat(cell.dataset.v);
    }
    var m = /^[+\u2212-]?[\d,]*\.?\d+(e[+-]?\d+)?/i.exec(cell.textContent.trim());
    return m ? parseFloat(m[0].replace(/,/g, '').replace('\u2212', '-')) : NaN;
  }

  // Numbers compare by value with cells without one last; text compares as people read it.
  function compare(numeric, column, direction) {
    return function (a, b) {
      var x = a.cells[column];
      var y = b.cells[column];
      if (!x || !y) {
        return !x - !y;
      }
      if (numeric) {
        var p = number(x);
        var q = number(y);
        if (isNaN(p) || isNaN(q)) {
          return isNaN(p) - isNaN(q);
        }
        return direction * (p - q);
      }
      return direction * x.textContent.trim().localeCompare(y.textContent.trim(), undefined, {numeric: true});
    };
  }

  // The header rows are the leading rows of header cells only; a cell's column counts the spans before it.
  function sortable(table) {
    var rows = Array.prototype.slice.call(table.rows);
    var head = 0;
    while (head < rows.length && Array.prototype.every.call(rows[head].cells, function (c) { return c.tagName === 'TH'; })) {
      head++;
    }
    var body = rows.slice(head);
    if (head === 0 || body.length < 2 || body.some(function (r) {
      return Array.prototype.some.call(r.cells, function (c) { return c.rowSpan > 1 || c.colSpan > 1; });
    })) {
      return;
    }
    var taken = [];
    rows.slice(0, head).forEach(function (row, r) {
      var column = 0;
      Array.prototype.forEach.call(row.cells, function (th) {
        while (taken[r] && taken[r][column]) {
          column++;
        }
        for (var i = 0; i < th.rowSpan; i++) {
          for (var j = 0; j < th.colSpan; j++) {
            taken[r + i] = taken[r + i] || [];
            taken[r + i][column + j] = true;
          }
        }
        if (th.colSpan === 1) {
          header(table, body, th, column);
        }
        column += th.colSpan;
      });
    });
  }

  function header(table, body, th, column) {
    th.classList.add('sortable');
    th.tabIndex = 0;
    th.title = 'sort by this column';
    var numeric = th.classList.contains('num');
    function sort() {
      var ascending = th.getAttribute('aria-sort') ? th.getAttribute('aria-sort') !== 'ascending' : !numeric;
      table.querySelectorAll('th[aria-sort]').forEach(function (other) {
        other.removeAttribute('aria-sort');
      });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var parent = body[0].parentNode;
      body.slice().sort(compare(numeric, column, ascending ? 1 : -1)).forEach(function (row) {
        parent.appendChild(row);
      });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        sort();
      }
    });
  }

  document.querySelectorAll('table').forEach(sortable);

  var timeline = document.querySelector('.timeline');
  if (!timeline) {
    return;
  }
  var codes = timeline.dataset.codes;
  var colors = timeline.dataset.colors.split(',');
  var labels = timeline.dataset.labels.split('|');
  var buckets = parseInt(timeline.dataset.buckets, 10);
  var levels = parseInt(timeline.dataset.levels, 10);
  var bucketSeconds = parseFloat(timeline.dataset.bucket);
  var wallSeconds = parseFloat(timeline.dataset.wall);
  var notAlive = codes.length - 1;
  var tip = document.createElement('div');
  tip.className = 'tip';
  document.body.appendChild(tip);

  // A group lane's buckets: lists of [state, level].
  function shares(canvas) {
    if (!canvas.shares) {
      canvas.shares = canvas.dataset.g.split(' ').map(function (bucket) {
        var cells = [];
        for (var i = 0; i + 1 < bucket.length; i += 2) {
          cells.push([codes.indexOf(bucket.charAt(i)), parseInt(bucket.charAt(i + 1), 36)]);
        }
        return cells;
      });
    }
    return canvas.shares;
  }

  function draw(canvas, width, height) {
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    var g = canvas.getContext('2d');
    g.scale(ratio, ratio);
    var step = width / buckets;
    if (canvas.dataset.g !== undefined) {
      shares(canvas).forEach(function (cells, b) {
        var y = height;
        cells.forEach(function (cell) {
          var h = height * cell[1] / levels;
          y -= h;
          if (cell[0] !== notAlive) {
            g.fillStyle = colors[cell[0]];
            g.fillRect(b * step, y, step + 0.5, h);
          }
        });
      });
    } else {
      var s = canvas.dataset.s;
      for (var b = 0; b < s.length;) {
        var end = b + 1;
        while (end < s.length && s.charAt(end) === s.charAt(b)) {
          end++;
        }
        var state = codes.indexOf(s.charAt(b));
        if (state !== notAlive) {
          g.fillStyle = colors[state];
          g.fillRect(b * step, 0, (end - b) * step + 0.5, height);
        }
        b = end;
      }
    }
    canvas.drawn = true;
  }

  // A lane in a closed section, other than its summary's, is not shown.
  function shown(canvas) {
    for (var d = canvas.closest('details'); d; d = d.parentElement.closest('details')) {
      if (!d.open && canvas.closest('summary') !== d.querySelector(':scope > summary')) {
        return false;
      }
    }
    return true;
  }

  // Lanes in closed sections are drawn when opened. All sizes are read before any canvas is drawn:
  // a canvas's new size changes the layout, and reading a size between two draws would lay out
  // the page again for every lane.
  function drawVisible() {
    var visible = [];
    timeline.querySelectorAll('canvas.lane').forEach(function (canvas) {
      if (!canvas.drawn && shown(canvas)) {
        visible.push([canvas, canvas.clientWidth, canvas.clientHeight]);
      }
    });
    visible.forEach(function (lane) {
      draw(lane[0], lane[1], lane[2]);
    });
  }

  function describe(canvas, b) {
    var from = b * bucketSeconds;
    var to = Math.min(wallSeconds, from + bucketSeconds);
    var text = canvas.previousElementSibling.textContent + ' · ' + from.toFixed(2) + '–' + to.toFixed(2) + ' s: ';
    if (canvas.dataset.g !== undefined) {
      return text + shares(canvas)[b].map(function (cell) {
        return labels[cell[0]] + ' ' + Math.round(100 * cell[1] / levels) + '%';
      }).join(', ');
    }
    return text + 'mostly ' + labels[codes.indexOf(canvas.dataset.s.charAt(b))];
  }

  timeline.addEventListener('mousemove', function (e) {
    var canvas = e.target;
    if (canvas.tagName !== 'CANVAS') {
      tip.style.display = 'none';
      return;
    }
    var b = Math.max(0, Math.min(buckets - 1, Math.floor(e.offsetX / canvas.clientWidth * buckets)));
    tip.textContent = describe(canvas, b);
    tip.style.left = (e.pageX + 12) + 'px';
    tip.style.top = (e.pageY + 14) + 'px';
    tip.style.display = 'block';
  });
  timeline.addEventListener('mouseleave', function () {
    tip.style.display = 'none';
  });
  document.addEventListener('toggle', drawVisible, true);
  window.addEventListener('resize', function () {
    timeline.querySelectorAll('canvas.lane').forEach(function (canvas) {
      canvas.drawn = false;
    });
    drawVisible();
  });
  drawVisible();
}());
