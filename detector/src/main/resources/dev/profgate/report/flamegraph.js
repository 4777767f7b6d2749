'use strict';
(function () {
  // The data is gzip-compressed JSON in base64; function names in it are untrusted: they reach the page only
  // through textContent, title attributes, canvas fillText and the URL fragment (form-encoded by URLSearchParams).
  async function load() {
    const text = atob(document.getElementById('flame-data').textContent.trim());
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }

  load().then(show, (error) => {
    document.getElementById('zoomed').textContent = 'This browser cannot read the flame graph data ('
        + error + '); flamegraph.svg beside this file shows the same graph.';
  });

  const ROW = 18, MIN_WIDTH = 0.3, MAX_CANVAS = 30000, TOP_FINDINGS = 8, TABLE_ROWS = 200;
  const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  const RULE = '#e8590c', MATCH = '#7b2cbf', INK = '#1f2328';
  const $ = (id) => document.getElementById(id);

  function points(share) {
    const pp = share * 100;
    return Math.abs(pp) >= 1 || pp === 0 ? pp.toFixed(1) : pp.toFixed(2);
  }
  const percent = (share) => points(share) + '%';
  const signed = (share) => (share >= 0 ? '+' : '-') + points(Math.abs(share));
  const probability = (p) => p === 0 || p >= 0.01 ? p.toFixed(2) : p.toExponential(0);
  const plural = (count, noun) => count.toLocaleString('en-US') + ' ' + noun + (count === 1 ? '' : 's');

  // The name without its path and Java package (java.util.regex.Pattern.compile -> Pattern.compile).
  const shortName = (name) => name.substring(name.lastIndexOf('/') + 1).replace(/^([a-z][\w$]*\.){2,}(?=[A-Z])/, '');

  // The whole name when it fits in `chars` characters, else its short name, cut with an ellipsis.
  function fit(name, chars) {
    if (name.length <= chars) return name;
    const short = shortName(name);
    return short.length <= chars ? short : chars < 3 ? '' : short.substring(0, chars - 1) + '\u2026';
  }

  function line(parentNode, className, text) {
    const div = document.createElement('div');
    div.className = className;
    div.textContent = text;
    parentNode.appendChild(div);
    return div;
  }

  // Non-zero values as pairs: the gap to the previous listed position, and the value (added into `into`).
  function sparse(pairs, into) {
    for (let k = 0, i = 0; k < pairs.length; k += 2) {
      i += pairs[k];
      into[i] += pairs[k + 1];
    }
  }

  // Front-coded: each entry starts with the character ' ' + n, n the length it shares with the entry before.
  function decodeNames(coded) {
    const names = [];
    for (let i = 0; i < coded.length; i++) {
      const prefix = coded[i].charCodeAt(0) - 32;
      names.push((i > 0 ? names[i - 1].substring(0, prefix) : '') + coded[i].substring(1));
    }
    return names;
  }

  // Per depth, the nodes at that depth in preorder (left to right).
  function levels(depth, maxDepth) {
    const counts = new Int32Array(maxDepth + 1), result = [];
    for (let i = 0; i < depth.length; i++) counts[depth[i]]++;
    for (let d = 0; d <= maxDepth; d++) result.push(new Int32Array(counts[d]));
    counts.fill(0);
    for (let i = 0; i < depth.length; i++) result[depth[i]][counts[depth[i]]++] = i;
    return result;
  }

  // The position of `node` in a level (ascending node numbers).
  function position(level, node) {
    let lo = 0, hi = level.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (level[mid] < node) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  const tip = $('tip'), hoverBox = $('hover');

  function showTip(lines, rules, x, y) {
    tip.textContent = '';
    for (const [cls, text] of lines) line(tip, cls, text);
    for (const rule of rules || []) line(line(tip, 'rule', '\u26a0 ' + rule.id + ': ' + rule.title), 'advice', rule.advice);
    tip.style.display = 'block';
    const pad = 14, w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + pad, window.innerWidth - w - 4)) + 'px';
    tip.style.top = (y + pad + h > window.innerHeight ? Math.max(4, y - h - pad) : y + pad) + 'px';
  }

  function hideTip() {
    tip.style.display = 'none';
    hoverBox.style.display = 'none';
  }

  function show(D) {
    const names = decodeNames(D.names);
    const baseSamples = Math.max(1, D.samples[0]), headSamples = Math.max(1, D.samples[1]);
    const delta = (t, i) => t.head[i] / headSamples - t.base[i] / baseSamples;
    // The change relative to the code that did not change (FlameTree.change): what is tested and coloured.
    const change = (t, i) => t.head[i] / headSamples / D.scale - t.base[i] / baseSamples;
    // Per function (name index), its first finding.
    const findingOf = new Map(), byName = new Map();
    for (const f of D.findings) if (!byName.has(f.function)) byName.set(f.function, f);
    for (let k = 0; k < names.length && byName.size > 0; k++) {
      const f = byName.get(names[k]);
      if (f) {
        findingOf.set(k, f);
        byName.delete(names[k]);
      }
    }
    const page = {mode: 1, match: null, selected: -1, view: 'graph'};

    // Colours, the rule of FlameColors: neutral unless a node's change is significant; red for slower, blue for
    // faster, in shades by how many steps (% of base's samples) its change relative to the unchanged code reaches.
    const S = D.shades, SHADES = S.steps.length + 1, NEUTRAL = S.neutral.length;
    const palette = S.neutral.concat(S.slower, S.faster);
    function shade(d) {
      let s = 0;
      while (s < S.steps.length && Math.abs(d) >= S.steps[s]) s++;
      return s;
    }
    function colours(t) {
      const c = new Uint8Array(t.n);
      for (let i = 0; i < t.n; i++) {
        const d = change(t, i);
        c[i] = t.sig[i] ? NEUTRAL + (d > 0 ? 0 : SHADES) + shade(d) : t.fn[i] % NEUTRAL;
      }
      return c;
    }
    const darkText = (c) => c < NEUTRAL || (c - NEUTRAL) % SHADES < S.whiteText;

    // A call tree in preorder (parents first, siblings by name): per node its function (name index), parent, depth,
    // end (one past its subtree), own and total samples per side, significance and colour.
    function callTree(fn, parent, baseSelf, headSelf, sig) {
      const n = fn.length, depth = new Int32Array(n), end = new Int32Array(n);
      const base = Float64Array.from(baseSelf), head = Float64Array.from(headSelf);
      let maxDepth = 0;
      for (let i = 1; i < n; i++) {
        depth[i] = depth[parent[i]] + 1;
        if (depth[i] > maxDepth) maxDepth = depth[i];
      }
      for (let i = 0; i < n; i++) end[i] = i + 1;
      for (let i = n - 1; i > 0; i--) {
        const p = parent[i];
        base[p] += base[i];
        head[p] += head[i];
        if (end[i] > end[p]) end[p] = end[i];
      }
      const t = {n, fn, parent, depth, end, base, head, baseSelf, headSelf, sig, maxDepth, marks: new Map()};
      t.levels = levels(depth, maxDepth);
      t.colour = colours(t);
      return t;
    }

    function mainTree() {
      const n = D.name.length, up = new Int32Array(n), depth = new Int32Array(n), parent = new Int32Array(n);
      const base = new Float64Array(n), head = new Float64Array(n), sig = new Uint8Array(n);
      sparse(D.up, up);
      sparse(D.base, base);
      sparse(D.base, head);
      sparse(D.diff, head);
      const path = [0];
      parent[0] = -1;
      for (let i = 1; i < n; i++) {
        depth[i] = depth[i - 1] + 1 - up[i];
        parent[i] = path[depth[i] - 1];
        path[depth[i]] = i;
      }
      const tests = {q: new Float64Array(n).fill(NaN), low: new Float64Array(n), high: new Float64Array(n)};
      for (let k = 0, i = 0; k < D.tests.length; k += 5) {
        i += D.tests[k];
        tests.q[i] = D.tests[k + 1];
        tests.low[i] = D.tests[k + 2];
        tests.high[i] = D.tests[k + 3];
        sig[i] = D.tests[k + 4];
      }
      const t = callTree(Int32Array.from(D.name), parent, base, head, sig);
      t.tests = tests;
      for (let k = 0, i = 0; k < D.marks.length; k += 2) {
        i += D.marks[k];
        if (!t.marks.has(i)) t.marks.set(i, []);
        t.marks.get(i).push(D.rules[D.marks[k + 1]]);
      }
      t.describe = (i) => describeNode(t, i);
      return t;
    }

    function shares(label, t, i) {
      return ['', label + 'base ' + percent(t.base[i] / baseSamples) + ' (' + plural(Math.round(t.base[i]), 'sample')
          + ')  \u2192  head ' + percent(t.head[i] / headSamples) + ' (' + plural(Math.round(t.head[i]), 'sample') + ')'];
    }

    // New or gone in head, and the function's own finding (its test over all its call paths), if any.
    function context(t, i) {
      const lines = [];
      if (t.base[i] === 0 && t.head[i] > 0) lines.push(['status up', 'new in head']);
      if (t.head[i] === 0 && t.base[i] > 0) lines.push(['status down', 'gone in head']);
      const f = findingOf.get(t.fn[i]);
      if (f) lines.push(['whole', 'Whole function, all call paths (the finding): ' + f.kind + '  ' + f.delta + '  q = ' + f.q]);
      return lines;
    }

    function describeNode(t, i) {
      const d = delta(t, i), c = change(t, i), q = t.tests.q[i];
      const lines = [['fn', names[t.fn[i]]], shares('This call path: ', t, i)];
      if (isNaN(q)) {
        lines.push(['', '\u0394 ' + signed(d) + ' pp']);
        lines.push(['status flat', i === 0 ? 'all samples' : 'not tested: too few samples to reach the effect floors']);
      } else {
        lines.push(['', '\u0394 ' + signed(d) + ' pp   95% CI ' + signed(t.tests.low[i]) + ' \u2026 '
            + signed(t.tests.high[i]) + ' pp   q = ' + probability(q)]);
        lines.push(['', '\u0394 cost ' + signed(c) + '% of CPU, relative to the code that did not change']);
        lines.push(t.sig[i] ? ['status ' + (c > 0 ? 'up' : 'down'), 'significant ' + (c > 0 ? 'regression' : 'improvement')]
            : ['status flat', 'no significant change (q above the FDR or change below the effect floors)']);
      }
      return lines.concat(context(t, i));
    }

    function describeMerged(t, i) {
      const d = delta(t, i), c = change(t, i);
      return [['fn', names[t.fn[i]]], shares('', t, i), ['', '\u0394 ' + signed(d) + ' pp'],
        ['status ' + (t.sig[i] ? (c > 0 ? 'up' : 'down') : 'flat'), 'merged from ' + plural(t.count[i], 'frame')
            + ' of the flame graph, ' + t.sigs[i] + ' of them a significant change']].concat(context(t, i));
    }

    // Call paths of the main tree merged into a new tree rooted at one function (the sandwich's callers, callees).
    function merger(root) {
      const fn = [root], parent = [-1], base = [0], head = [0], count = [0], sigs = [0], index = new Map();
      return {
        child(m, f) {
          const key = m * names.length + f;
          let c = index.get(key);
          if (c === undefined) {
            c = fn.length;
            index.set(key, c);
            fn.push(f); parent.push(m); base.push(0); head.push(0); count.push(0); sigs.push(0);
          }
          return c;
        },
        // Node i of the main tree is part of merged node m.
        part(m, i) {
          count[m]++;
          sigs[m] += main.sig[i];
        },
        self(m, b, h) {
          base[m] += b;
          head[m] += h;
        },
        tree: () => sortedTree(fn, parent, base, head, count, sigs)
      };
    }

    function sortedTree(fn, parent, base, head, count, sigs) {
      const n = fn.length, kids = Array.from({length: n}, () => []), order = [], stack = [0], at = new Int32Array(n);
      for (let m = 1; m < n; m++) kids[parent[m]].push(m);
      while (stack.length > 0) {
        const m = stack.pop();
        at[m] = order.length;
        order.push(m);
        for (const k of kids[m].sort((a, b) => fn[b] - fn[a])) stack.push(k);
      }
      const pick = (values, Type) => Type.from(order, (m) => values[m]);
      const t = callTree(pick(fn, Int32Array), Int32Array.from(order, (m) => m === 0 ? -1 : at[parent[m]]),
          pick(base, Float64Array), pick(head, Float64Array), Uint8Array.from(order, (m) => sigs[m] > 0 ? 1 : 0));
      t.count = pick(count, Int32Array);
      t.sigs = pick(sigs, Int32Array);
      t.describe = (i) => describeMerged(t, i);
      return t;
    }

    // Everything function f calls, merged over its outermost frames (recursion drawn as nested frames of f).
    function callees(f) {
      const m = merger(f), t = main, into = new Int32Array(t.n);
      for (let i = 1, stop = 0; i < t.n; i++) {
        if (i < stop) into[i] = m.child(into[t.parent[i]], t.fn[i]);
        else if (t.fn[i] === f) { into[i] = 0; stop = t.end[i]; } else continue;
        m.part(into[i], i);
        m.self(into[i], t.baseSelf[i], t.headSelf[i]);
      }
      return m.tree();
    }

    // The callers of function f, from f down to the threads' entry points, each as wide as the samples of f below it.
    function callers(f) {
      const m = merger(f), t = main;
      for (let i = 1; i < t.n; i++) {
        if (t.fn[i] !== f) continue;
        let c = 0;
        m.part(0, i);
        for (let a = t.parent[i]; a > 0; a = t.parent[a]) {
          c = m.child(c, t.fn[a]);
          m.part(c, i);
        }
        m.self(c, t.base[i], t.head[i]);
        i = t.end[i] - 1;
      }
      return m.tree();
    }

    // Per function: own and total samples per side (total counted once per stack under recursion), widest frame.
    function functionStats(t) {
      const k = names.length, onPath = new Int32Array(k), path = [];
      const s = {selfBase: new Float64Array(k), selfHead: new Float64Array(k), totalBase: new Float64Array(k),
        totalHead: new Float64Array(k), widest: new Int32Array(k).fill(-1)};
      for (let i = 1; i < t.n; i++) {
        const f = t.fn[i], w = s.widest[f];
        while (path.length >= t.depth[i]) onPath[t.fn[path.pop()]]--;
        s.selfBase[f] += t.baseSelf[i];
        s.selfHead[f] += t.headSelf[i];
        if (onPath[f] === 0) {
          s.totalBase[f] += t.base[i];
          s.totalHead[f] += t.head[i];
        }
        if (w < 0 || t.base[i] + t.head[i] > t.base[w] + t.head[w]) s.widest[f] = i;
        onPath[f]++;
        path.push(i);
      }
      return s;
    }

    // One canvas drawing one tree: hover tooltips, click to zoom, keyboard focus. `inverted` draws the root at the
    // bottom (callers); onZoom(node) is told of every zoom and draws.
    class View {
      constructor(canvas, inverted, onZoom) {
        Object.assign(this, {canvas, inverted, onZoom, ctx: canvas.getContext('2d'), t: null, zoom: 0, focus: -1,
          left: null, total: null, px: 1, x0: 0, width: 0, rows: 0, charWidth: 7});
        canvas.addEventListener('mousemove', (event) => this.hover(event));
        canvas.addEventListener('mouseleave', hideTip);
        canvas.addEventListener('click', (event) => {
          const i = this.frameAt(event.offsetX, event.offsetY);
          if (i >= 0) this.zoomTo(i);
        });
        canvas.addEventListener('keydown', (event) => this.key(event));
        canvas.addEventListener('focus', () => { if (canvas.matches(':focus-visible')) this.showFocus(); });
        canvas.addEventListener('blur', hideTip);
      }

      show(t) {
        Object.assign(this, {t, zoom: 0, focus: -1, left: new Float64Array(t.n)});
        this.layout();
      }

      layout() {
        const t = this.t, left = this.left, cursor = new Float64Array(t.n);
        this.total = page.mode ? t.head : t.base;
        for (let i = 1; i < t.n; i++) {
          const p = t.parent[i];
          left[i] = cursor[p] + left[p];
          cursor[p] += this.total[i];
        }
        if (this.total[this.zoom] === 0) this.zoom = 0;
      }

      zoomTo(i) {
        this.zoom = i;
        this.focus = i;
        hideTip();
        this.onZoom(i);
      }

      y(i) {
        return (this.inverted ? this.rows - 1 - this.t.depth[i] : this.t.depth[i]) * ROW;
      }

      visibleRows() {
        const t = this.t, zoom = this.zoom;
        let deepest = t.depth[zoom];
        for (let i = zoom; i < t.end[zoom];) {
          if (this.total[i] * this.px < MIN_WIDTH) { i = t.end[i]; continue; }
          if (t.depth[i] > deepest) deepest = t.depth[i];
          i++;
        }
        return Math.min(deepest + 1, Math.floor(MAX_CANVAS / ROW));
      }

      draw() {
        const t = this.t, canvas = this.canvas, ctx = this.ctx, zoom = this.zoom;
        if (t === null || canvas.offsetParent === null) return;
        this.width = canvas.clientWidth;
        this.x0 = this.left[zoom];
        this.px = this.total[zoom] > 0 ? this.width / this.total[zoom] : 0;
        this.rows = this.visibleRows();
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.round(this.width * ratio);
        canvas.height = Math.round(this.rows * ROW * ratio);
        canvas.style.height = this.rows * ROW + 'px';
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.font = FONT;
        this.charWidth = ctx.measureText('abcdefghijklmnopqrstuvwxyz.ABCDEFGH_().').width / 40;
        for (let a = t.parent[zoom]; a >= 0; a = t.parent[a]) this.drawFrame(a, 0, this.width, true);
        for (let i = zoom; i < t.end[zoom];) {
          const w = this.total[i] * this.px;
          if (w < MIN_WIDTH || t.depth[i] >= this.rows) { i = t.end[i]; continue; }
          this.drawFrame(i, (this.left[i] - this.x0) * this.px, w, false);
          i++;
        }
      }

      drawFrame(i, x, w, faded) {
        const t = this.t, ctx = this.ctx, y = this.y(i), inner = w > 3 ? w - 1 : w;
        const matched = page.match !== null && page.match[t.fn[i]] === 1, dimmed = page.match !== null && !matched;
        ctx.globalAlpha = faded ? 0.45 : dimmed ? 0.3 : 1;
        ctx.fillStyle = palette[t.colour[i]];
        ctx.fillRect(x, y, inner, ROW - 1);
        if (t.base[i] === 0 && t.head[i] > 0) {
          ctx.fillStyle = stripes;
          ctx.fillRect(x, y, inner, ROW - 1);
        }
        if (t.head[i] === 0 && t.base[i] > 0 && inner > 2) {
          ctx.setLineDash([3, 2]);
          ctx.strokeStyle = '#424a53';
          ctx.lineWidth = 1.5;
          ctx.strokeRect(x + 0.75, y + 0.75, inner - 1.5, ROW - 2.5);
          ctx.setLineDash([]);
        }
        const flagged = t.marks.has(i), selected = t.fn[i] === page.selected;
        if (flagged || matched || selected) outline(ctx, x, y, inner, selected ? INK : matched ? MATCH : RULE);
        let textX = x + 4;
        if (flagged && inner > 14) {
          warning(ctx, x, y);
          textX = x + 19;
        }
        const room = x + inner - textX - 3;
        if (room > 20) {
          ctx.globalAlpha = faded ? 0.6 : dimmed ? 0.45 : 1;
          ctx.fillStyle = darkText(t.colour[i]) ? INK : '#ffffff';
          ctx.fillText(fit(names[t.fn[i]], Math.floor(room / this.charWidth)), Math.max(textX, 4), y + 13);
        }
        ctx.globalAlpha = 1;
      }

      frameAt(x, y) {
        const t = this.t, row = Math.floor(y / ROW), d = this.inverted ? this.rows - 1 - row : row, zoom = this.zoom;
        if (row < 0 || row >= this.rows || d > t.maxDepth || x < 0 || x > this.width) return -1;
        if (d < t.depth[zoom]) {
          let a = zoom;
          while (t.depth[a] > d) a = t.parent[a];
          return a;
        }
        const xs = this.x0 + x / this.px, nodes = t.levels[d];
        let lo = 0, hi = nodes.length - 1, found = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (this.left[nodes[mid]] <= xs) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        while (found >= 0 && this.total[nodes[found]] === 0) found--;
        const node = found < 0 ? -1 : nodes[found];
        return node >= 0 && this.visible(node) && this.left[node] + this.total[node] > xs ? node : -1;
      }

      // Drawn: the zoomed frame, its ancestors, and the frames under it at least MIN_WIDTH wide.
      visible(i) {
        const t = this.t, zoom = this.zoom;
        if (i <= zoom && zoom < t.end[i]) return true;
        return i > zoom && i < t.end[zoom] && this.total[i] * this.px >= MIN_WIDTH && t.depth[i] < this.rows;
      }

      // Frame i in viewport coordinates.
      box(i) {
        const whole = i <= this.zoom && this.zoom < this.t.end[i], rect = this.canvas.getBoundingClientRect();
        return {x: rect.left + (whole ? 0 : (this.left[i] - this.x0) * this.px), y: rect.top + this.y(i),
          w: whole ? this.width : this.total[i] * this.px, h: ROW - 1};
      }

      highlight(i, x, y) {
        const box = this.box(i);
        Object.assign(hoverBox.style, {display: 'block', left: box.x + window.scrollX + 'px',
          top: box.y + window.scrollY + 'px', width: Math.max(2, box.w) + 'px', height: box.h + 'px'});
        showTip(this.t.describe(i), this.t.marks.get(i), x === undefined ? box.x + Math.min(box.w / 2, 40) : x,
            y === undefined ? box.y + ROW : y);
      }

      hover(event) {
        const i = this.frameAt(event.offsetX, event.offsetY);
        this.canvas.style.cursor = i < 0 ? '' : 'pointer';
        if (i < 0) hideTip(); else this.highlight(i, event.clientX, event.clientY);
      }

      // Arrows move the focus (up: caller, down: widest callee, sideways: the next drawn frame at that depth),
      // Enter or Space zooms into it, Escape zooms out to the root.
      key(event) {
        const i = this.focus >= 0 && this.visible(this.focus) ? this.focus : this.zoom;
        const up = this.inverted ? 'ArrowDown' : 'ArrowUp', down = this.inverted ? 'ArrowUp' : 'ArrowDown';
        let next = i;
        if (event.key === up) next = Math.max(0, this.t.parent[i]);
        else if (event.key === down) next = this.widestChild(i);
        else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') next = this.neighbour(i, event.key === 'ArrowLeft' ? -1 : 1);
        else if (event.key === 'Enter' || event.key === ' ') this.zoomTo(i);
        else if (event.key === 'Escape') this.zoomTo(0);
        else return;
        event.preventDefault();
        event.stopPropagation();
        this.focus = event.key.startsWith('Arrow') ? next : this.zoom;
        this.showFocus();
      }

      widestChild(i) {
        const t = this.t;
        let best = -1;
        for (let c = i + 1; c < t.end[i]; c = t.end[c]) {
          if (this.visible(c) && (best < 0 || this.total[c] > this.total[best])) best = c;
        }
        return best < 0 ? i : best;
      }

      neighbour(i, step) {
        const t = this.t, level = t.levels[t.depth[i]];
        for (let k = position(level, i) + step; k >= 0 && k < level.length; k += step) {
          const j = level[k];
          if (j < this.zoom || j >= t.end[this.zoom]) break;
          if (this.visible(j)) return j;
        }
        return i;
      }

      showFocus() {
        if (this.focus < 0 || !this.visible(this.focus)) this.focus = this.zoom;
        reveal(this.box(this.focus));
        this.highlight(this.focus);
        $('status').textContent = this.t.describe(this.focus).map((entry) => entry[1]).join('. ');
      }
    }

    function outline(ctx, x, y, inner, colour) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.strokeRect(x + 1, y + 1, Math.max(1, inner - 2), ROW - 3);
      if (inner > 6) {
        ctx.strokeStyle = 'rgba(255,255,255,0.85)';
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 2.5, y + 2.5, inner - 5, ROW - 6);
      }
    }

    // The rule mark: a warning triangle at the frame's left end.
    function warning(ctx, x, y) {
      ctx.globalAlpha = 1;
      ctx.beginPath();
      ctx.moveTo(x + 3.5, y + ROW - 3.5); ctx.lineTo(x + 9.5, y + 2.5); ctx.lineTo(x + 15.5, y + ROW - 3.5);
      ctx.closePath();
      ctx.fillStyle = RULE;
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.fillStyle = '#fff';
      ctx.fillRect(x + 8.9, y + 6.5, 1.3, 4.5);
      ctx.fillRect(x + 8.9, y + 12, 1.3, 1.3);
    }

    // Scrolls the window so that a frame (viewport coordinates) is below the sticky toolbar and on screen.
    function reveal(box) {
      const top = document.querySelector('.toolbar').getBoundingClientRect().bottom + 4;
      if (box.y < top) window.scrollBy(0, box.y - top - ROW);
      else if (box.y + ROW > window.innerHeight) window.scrollBy(0, box.y + 3 * ROW - window.innerHeight);
    }

    const stripes = (() => {
      const tile = document.createElement('canvas');
      tile.width = tile.height = 6;
      const t = tile.getContext('2d');
      t.strokeStyle = 'rgba(31,35,40,0.32)';
      t.lineWidth = 1.2;
      t.beginPath();
      t.moveTo(-1, 7); t.lineTo(7, -1); t.moveTo(5, 7); t.lineTo(7, 5); t.moveTo(-1, 1); t.lineTo(1, -1);
      t.stroke();
      return t.createPattern(tile, 'repeat');
    })();

    const main = mainTree();
    let stats = null;
    const functions = () => stats || (stats = functionStats(main));
    const graph = new View($('canvas'), false, (i) => {
      if (i > 0) page.selected = main.fn[i];
      redraw();
    });
    const callersView = new View($('callers'), true, () => callersView.draw());
    const calleesView = new View($('callees'), false, () => calleesView.draw());
    let sandwichOf = -1;
    graph.show(main);

    // Where a function opens: its finding's frame, else its widest.
    function home(f) {
      const finding = findingOf.get(f);
      return finding && finding.node >= 0 ? finding.node : Math.max(0, functions().widest[f]);
    }

    // Selects function f; in the flame graph, zooms to `node` (its home unless given) in widths that show it.
    function openFunction(f, node) {
      page.selected = f;
      if (page.view === 'sandwich') {
        sandwich();
        redraw();
        return;
      }
      const i = node === undefined ? home(f) : node;
      if (graph.total[i] === 0) setMode(page.mode ? 0 : 1);
      graph.zoomTo(i);
      reveal(graph.box(i));
    }

    function setMode(m) {
      applyMode(m);
      search();
    }

    function applyMode(m) {
      const changed = m !== page.mode;
      page.mode = m;
      $('mode-base').setAttribute('aria-pressed', String(m === 0));
      $('mode-head').setAttribute('aria-pressed', String(m === 1));
      for (const view of [graph, callersView, calleesView]) if (changed && view.t !== null) view.layout();
    }

    function setView(v) {
      page.view = v;
      $('view-graph').setAttribute('aria-pressed', String(v === 'graph'));
      $('view-sandwich').setAttribute('aria-pressed', String(v === 'sandwich'));
      $('chart').hidden = v !== 'graph';
      $('sandwich').hidden = v !== 'sandwich';
      if (v === 'sandwich') sandwich();
      redraw();
    }

    // The sandwich of the selected function (else the zoomed frame's, the top finding's, the widest's).
    function sandwich() {
      if (page.selected < 0) {
        const top = D.findings.length > 0 ? names.indexOf(D.findings[0].function) : -1;
        page.selected = graph.zoom > 0 ? main.fn[graph.zoom] : top >= 0 ? top : widestFunction();
      }
      const f = page.selected;
      if (f === sandwichOf) return;
      sandwichOf = f;
      callersView.show(callers(f));
      calleesView.show(callees(f));
      $('callers-title').textContent = 'Callers of ' + names[f] + ' (it is the bottom row; each frame above calls the one below)';
      $('callees-title').textContent = names[f] + ' and what it calls';
    }

    function widestFunction() {
      let best = 0;
      const s = functions();
      for (let f = 0; f < names.length; f++) if (s.totalHead[f] + s.totalBase[f] > s.totalHead[best] + s.totalBase[best]) best = f;
      return best;
    }

    function search() {
      match();
      fillTable();
      redraw();
    }

    // Marks the functions the search matches and says their share.
    function match() {
      const text = $('search').value;
      page.match = null;
      $('matched').textContent = '';
      if (text !== '') {
        let test;
        try {
          const re = new RegExp(text);
          test = (s) => re.test(s);
        } catch (e) {
          test = (s) => s.includes(text);
        }
        page.match = Uint8Array.from(names, (name) => test(name) ? 1 : 0);
        let sum = 0;
        for (let i = 1; i < main.n;) {
          if (page.match[main.fn[i]] === 1) { sum += graph.total[i]; i = main.end[i]; } else i++;
        }
        const share = graph.total[0] > 0 ? 100 * sum / graph.total[0] : 0;
        $('matched').textContent = 'matched: ' + (share >= 100 ? '100' : share.toFixed(2)) + '% of total';
      }
    }

    function redraw() {
      graph.draw();
      callersView.draw();
      calleesView.draw();
      const zoomed = page.view === 'graph' && graph.zoom > 0;
      $('zoomed').textContent = zoomed ? 'Zoomed into ' + names[main.fn[graph.zoom]]
          + ' \u2014 click an ancestor, press Esc or Reset zoom to go back' : page.view === 'sandwich'
          ? 'Sandwich of ' + names[page.selected] + ': pick another function in the table' : '';
      for (const row of $('table').tBodies[0].rows) row.setAttribute('aria-selected', String(Number(row.dataset.f) === page.selected));
      for (const button of $('findings').querySelectorAll('button')) {
        button.setAttribute('aria-pressed', String(Number(button.dataset.f) === page.selected));
      }
      writeHash();
    }

    // The view in the URL fragment (documented on FlameGraphHtml): f function, z zoomed frame, s search, w widths,
    // v view.
    function writeHash() {
      const p = new URLSearchParams();
      if (page.selected >= 0) p.set('f', names[page.selected]);
      if (page.selected >= 0 || graph.zoom > 0) p.set('z', String(graph.zoom));
      if ($('search').value !== '') p.set('s', $('search').value);
      if (page.mode === 0) p.set('w', 'base');
      if (page.view === 'sandwich') p.set('v', 'sandwich');
      const hash = p.toString();
      if (hash !== location.hash.substring(1)) history.replaceState(null, '', location.href.split('#')[0] + (hash ? '#' + hash : ''));
    }

    // Applies the fragment; a function without a zoomed frame opens at its home, in the widths that show it.
    function readHash() {
      const p = new URLSearchParams(location.hash.substring(1)), f = p.get('f'), z = Number(p.get('z'));
      page.selected = f === null ? -1 : names.indexOf(f);
      $('search').value = p.get('s') || '';
      applyMode(p.get('w') === 'base' ? 0 : 1);
      const given = p.has('z') && Number.isInteger(z) && z >= 0 && z < main.n && graph.total[z] > 0;
      graph.zoom = given ? z : page.selected >= 0 ? home(page.selected) : 0;
      graph.focus = -1;
      if (graph.total[graph.zoom] === 0) applyMode(1 - page.mode);
      match();
      setView(p.get('v') === 'sandwich' ? 'sandwich' : 'graph');
      requestAnimationFrame(() => setTimeout(fillTable));
      if (page.view === 'graph' && graph.zoom > 0) reveal(graph.box(graph.zoom));
      if (f !== null && page.selected < 0) $('zoomed').textContent = 'This graph has no function named ' + f;
    }

    // The function table: the top TABLE_ROWS functions (those the search matches, if any) by the sorted column.
    let shortNames = null;
    const short = (f) => (shortNames = shortNames || names.map(shortName))[f];
    const COLUMNS = {
      name: (f) => short(f) + '\u0000' + names[f],
      self: (f) => stats.selfHead[f] / headSamples,
      total: (f) => stats.totalHead[f] / headSamples,
      delta: (f) => stats.totalHead[f] / headSamples / D.scale - stats.totalBase[f] / baseSamples,
      q: (f) => findingOf.has(f) && !isNaN(findingOf.get(f).q) ? Number(findingOf.get(f).q) : null,
      rule: (f) => findingOf.has(f) && findingOf.get(f).rules.length > 0 ? ruleIds(findingOf.get(f)) : null
    };
    const sort = {key: 'delta', direction: -1};
    const ruleIds = (finding) => finding.rules.map((r) => D.rules[r].id).join(', ');

    // Filled after the graph is drawn (the columns read the function statistics this computes).
    function fillTable() {
      const value = COLUMNS[sort.key], listed = [], s = functions();
      for (let f = 0; f < names.length; f++) {
        if (s.totalBase[f] + s.totalHead[f] > 0 && (page.match === null || page.match[f] === 1)) listed.push([value(f), f]);
      }
      listed.sort(([x], [y]) => {
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        return x < y ? -sort.direction : x > y ? sort.direction : 0;
      });
      const body = document.createElement('tbody');
      for (const [, f] of listed.slice(0, TABLE_ROWS)) body.appendChild(tableRow(f));
      $('table').replaceChild(body, $('table').tBodies[0]);
      $('table-note').textContent = (listed.length > TABLE_ROWS ? 'The first ' + TABLE_ROWS + ' of ' : '')
          + plural(listed.length, 'function') + (page.match === null ? '' : ' matching the search')
          + '. Click a row to open the function; q and rule are its finding\u2019s.';
    }

    function tableRow(f) {
      const row = document.createElement('tr'), finding = findingOf.get(f), d = COLUMNS.delta(f);
      row.dataset.f = f;
      row.tabIndex = 0;
      const cell = (text, className) => {
        const td = document.createElement('td');
        td.textContent = text;
        td.className = className || '';
        row.appendChild(td);
        return td;
      };
      cell(short(f), 'fn').title = names[f];
      cell(points(stats.selfBase[f] / baseSamples) + ' \u2192 ' + points(stats.selfHead[f] / headSamples));
      cell(points(stats.totalBase[f] / baseSamples) + ' \u2192 ' + points(stats.totalHead[f] / headSamples));
      cell(signed(d), finding ? (d > 0 ? 'up' : 'down') : '');
      cell(finding ? finding.q : '').title = finding ? finding.kind + ' ' + finding.delta : '';
      const rule = finding && finding.rules.length > 0 ? ruleIds(finding) : '';
      cell(rule ? '\u26a0 ' + rule : '', 'rule').title = rule;
      row.setAttribute('aria-selected', String(f === page.selected));
      return row;
    }

    function sortBy(key) {
      sort.direction = key === sort.key ? -sort.direction : key === 'name' || key === 'q' ? 1 : -1;
      sort.key = key;
      for (const th of $('table').tHead.rows[0].cells) {
        th.setAttribute('aria-sort', th.dataset.key !== key ? 'none' : sort.direction > 0 ? 'ascending' : 'descending');
      }
      fillTable();
    }

    function legend() {
      const scale = $('scale');
      const swatch = (colour, title) => {
        const i = document.createElement('i');
        i.style.background = colour;
        i.title = title;
        scale.appendChild(i);
      };
      for (const label of ['slower', 'faster', '\u0394 cost %']) line(scale, '', label);
      S.labels.forEach((label, k) => {
        swatch(S.slower[k], 'significantly slower by ' + label + '% of CPU, relative to the code that did not change');
        swatch(S.faster[k], 'significantly faster by ' + label + '% of CPU, relative to the code that did not change');
        line(scale, '', label);
      });
    }

    function header() {
      const verdict = $('verdict');
      verdict.textContent = D.verdict.toUpperCase();
      verdict.classList.add(D.verdict);
      $('scope').textContent = D.scope + ' \u00b7 ' + D.summary;
      $('limits').textContent = 'What this run could see: ' + D.limits;
      for (const link of D.links) {
        if (!/^https?:\/\//.test(link.url)) continue;
        const anchor = document.createElement('a');
        anchor.href = link.url;
        anchor.rel = 'noopener noreferrer';
        anchor.target = '_blank';
        anchor.textContent = link.label;
        $('links').append(anchor, ' ');
      }
      for (const f of D.findings.slice(0, TOP_FINDINGS)) $('findings').appendChild(findingItem(f));
      if (D.findings.length === 0) $('findings-label').textContent = 'No findings: no function changed significantly.';
      for (const note of D.notes) {
        const item = document.createElement('li');
        item.textContent = note;
        $('notes').appendChild(item);
      }
    }

    function findingItem(f) {
      const item = document.createElement('li'), button = document.createElement('button'), k = names.indexOf(f.function);
      button.type = 'button';
      button.className = f.severity;
      line(button, 'fn', f.function).style.display = 'inline';
      const rest = document.createElement('span');
      rest.textContent = '  ' + f.kind + '  ' + f.delta + '  q = ' + f.q;
      button.appendChild(rest);
      if (f.rules.length > 0) {
        const flag = document.createElement('span');
        flag.className = 'rule';
        flag.textContent = '  \u26a0 ' + ruleIds(f);
        button.appendChild(flag);
      }
      button.title = f.function + ' \u2014 the function\u2019s own test, over all its call paths';
      button.disabled = k < 0;
      button.dataset.f = k;
      button.addEventListener('click', () => openFunction(k, f.node >= 0 ? f.node : undefined));
      item.appendChild(button);
      return item;
    }

    function resetZoom() {
      for (const view of page.view === 'graph' ? [graph] : [callersView, calleesView]) view.zoomTo(0);
    }

    function toggleTable() {
      const shown = $('side').hidden;
      $('side').hidden = !shown;
      $('layout').classList.toggle('bare', !shown);
      $('toggle-table').setAttribute('aria-pressed', String(shown));
      redraw();
    }

    function stickSide() {
      const top = document.querySelector('.toolbar').offsetHeight + 8;
      $('side').style.top = top + 'px';
      $('side').style.maxHeight = 'calc(100vh - ' + (top + 16) + 'px)';
    }

    let pending = 0;
    const later = (task) => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(task);
    };
    $('search').addEventListener('input', () => later(search));
    $('reset').addEventListener('click', resetZoom);
    $('mode-base').addEventListener('click', () => setMode(0));
    $('mode-head').addEventListener('click', () => setMode(1));
    $('view-graph').addEventListener('click', () => setView('graph'));
    $('view-sandwich').addEventListener('click', () => setView('sandwich'));
    $('toggle-table').addEventListener('click', toggleTable);
    for (const th of $('table').tHead.rows[0].cells) th.querySelector('button').addEventListener('click', () => sortBy(th.dataset.key));
    $('table').addEventListener('click', (event) => {
      const row = event.target.closest('tbody tr');
      if (row) openFunction(Number(row.dataset.f));
    });
    $('table').addEventListener('keydown', (event) => {
      const row = event.target.closest('tbody tr');
      if (row && event.key === 'Enter') openFunction(Number(row.dataset.f));
    });
    window.addEventListener('keydown', (event) => {
      const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
      if (event.key === '/' && !typing) {
        event.preventDefault();
        $('search').focus();
        $('search').select();
      } else if (event.key === 'Escape' && !typing) {
        resetZoom();
      }
    });
    window.addEventListener('hashchange', readHash);
    window.addEventListener('resize', () => later(() => {
      stickSide();
      redraw();
    }));

    // For automation and debugging: where a frame is drawn, and what is shown.
    window.profgate = {
      // The widest drawn frame whose name matches, in viewport coordinates, of the flame graph (or 'callers',
      // 'callees' of the sandwich).
      frame(pattern, which) {
        const view = which === 'callers' ? callersView : which === 'callees' ? calleesView : graph, t = view.t;
        const re = new RegExp(pattern);
        let best = -1;
        for (let i = view.zoom; i < t.end[view.zoom]; i++) {
          if (re.test(names[t.fn[i]]) && view.visible(i) && (best < 0 || view.total[i] > view.total[best])) best = i;
        }
        if (best < 0) return null;
        const box = view.box(best);
        return Object.assign(box, {node: best, name: names[t.fn[best]], marked: t.marks.has(best),
          significant: t.sig[best] === 1, matched: page.match !== null && page.match[t.fn[best]] === 1,
          fill: palette[t.colour[best]]});
      },
      state() {
        return {zoom: names[main.fn[graph.zoom]], node: graph.zoom, mode: page.mode ? 'head' : 'base', frames: main.n,
          search: $('search').value, selected: page.selected < 0 ? null : names[page.selected], view: page.view,
          focus: graph.focus < 0 ? null : names[main.fn[graph.focus]], focusNode: graph.focus, hash: location.hash};
      }
    };

    header();
    legend();
    stickSide();
    readHash();
    performance.mark('profgate:first-paint');
  }
})();
