// Draws the flame graphs from their JSON data blocks: click a frame to zoom into it, search to
// highlight frames, reset to zoom out; each frame's tooltip gives its samples and share.
// Static: recorded text is read from JSON and written only as text (textContent, title).
(function () {
  'use strict';
  var ROW = 17;
  // Frames narrower than this fraction of the chart are not drawn (they stay in the data).
  var MIN_WIDTH = 0.0007;

  function kindOf(name, depth) {
    if (depth === 0) {
      return 'f-root';
    }
    if (name.charAt(0) === '[') {
      return 'f-meta';
    }
    if (name.indexOf('.') < 0) {
      return 'f-native';
    }
    return /^(java|javax|jdk|sun|com\.sun)\./.test(name) ? 'f-jdk' : 'f-app';
  }

  function parse(data) {
    var nodes = [];
    var path = [];
    for (var i = 0; i + 4 < data.nodes.length; i += 5) {
      var node = {
        depth: data.nodes[i], name: data.names[data.nodes[i + 1]], weight: data.nodes[i + 2],
        self: data.nodes[i + 3], samples: data.nodes[i + 4], children: [], parent: null
      };
      path.length = Math.min(path.length, node.depth);
      if (path.length > 0) {
        node.parent = path[path.length - 1];
        node.parent.children.push(node);
      }
      path.push(node);
      nodes.push(node);
    }
    return nodes;
  }

  function percent(part, whole) {
    return whole > 0 ? (100 * part / whole).toFixed(part * 1000 < whole ? 2 : 1) + '%' : '0%';
  }

  function setUp(flame) {
    var block = flame.querySelector('script.flame-data');
    var chart = flame.querySelector('.flame-chart');
    var search = flame.querySelector('.flame-search');
    var reset = flame.querySelector('.flame-reset');
    var matched = flame.querySelector('.flame-matched');
    if (!block || !chart) {
      return;
    }
    var data = JSON.parse(block.textContent);
    var nodes = parse(data);
    if (nodes.length === 0) {
      return;
    }
    var root = nodes[0];
    var zoom = root;
    var query = '';

    function matches(node) {
      return query !== '' && node.name.toLowerCase().indexOf(query) >= 0;
    }

    function place(node, x, width, fragment) {
      var div = document.createElement('div');
      div.className = 'frame ' + kindOf(node.name, node.depth) + (matches(node) ? ' match' : '')
          + (width >= 1 && node !== zoom && node.depth < zoom.depth ? ' above' : '');
      div.style.left = (100 * x) + '%';
      div.style.width = (100 * width) + '%';
      div.style.top = (node.depth * ROW) + 'px';
      div.textContent = node.name;
      div.title = node.name + '\n' + node.samples.toLocaleString('en') + ' ' + data.unit + ', '
          + percent(node.weight, root.weight) + ' of all' + (node.self > 0 ? ', ' + percent(node.self, root.weight)
          + ' in the frame itself' : '');
      div.flameNode = node;
      fragment.appendChild(div);
    }

    function walk(node, x, width, fragment) {
      place(node, x, width, fragment);
      var depth = node.depth;
      var childX = x;
      node.children.forEach(function (child) {
        var childWidth = node.weight > 0 ? width * child.weight / node.weight : 0;
        if (childWidth >= MIN_WIDTH) {
          depth = Math.max(depth, walk(child, childX, childWidth, fragment));
        }
        childX += childWidth;
      });
      return depth;
    }

    function draw() {
      var fragment = document.createDocumentFragment();
      for (var above = zoom.parent; above; above = above.parent) {
        place(above, 0, 1, fragment);
      }
      var depth = walk(zoom, 0, 1, fragment);
      chart.textContent = '';
      chart.style.height = ((depth + 1) * ROW) + 'px';
      chart.appendChild(fragment);
      if (reset) {
        reset.disabled = zoom === root;
      }
    }

    // The weight of the matching frames, each counted once: a match inside a match is already in it.
    function matchedWeight(node) {
      if (matches(node)) {
        return node.weight;
      }
      return node.children.reduce(function (sum, child) {
        return sum + matchedWeight(child);
      }, 0);
    }

    chart.addEventListener('click', function (e) {
      var node = e.target.flameNode;
      if (node) {
        zoom = node;
        draw();
      }
    });
    if (reset) {
      reset.addEventListener('click', function () {
        zoom = root;
        draw();
      });
    }
    if (search) {
      search.addEventListener('input', function () {
        query = search.value.trim().toLowerCase();
        if (matched) {
          matched.textContent = query === '' ? '' : 'matched ' + percent(matchedWeight(root), root.weight);
        }
        draw();
      });
    }
    draw();
  }

  document.querySelectorAll('.flame').forEach(setUp);
}());
