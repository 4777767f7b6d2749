'use strict';
(function () {
  // The data is gzip-compressed JSON in base64; function names in it are untrusted: they reach the page only
  // through textContent and canvas fillText.
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

  function show(D) {
    const ROW = 18, MIN_WIDTH = 0.3, MAX_CANVAS = 30000;
    const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
    const RULE = '#e8590c', MATCH = '#7b2cbf';

    const names = D.names;
    for (let i = 0; i < names.length; i++) {
      const prefix = names[i].charCodeAt(0) - 32;
      names[i] = (i > 0 ? names[i - 1].substring(0, prefix) : '') + names[i].substring(1);
    }
    const n = D.name.length;
    const nameOf = D.name;
    const parent = new Int32Array(n), depth = new Int32Array(n), end = new Int32Array(n);
    const baseTotal = new Float64Array(n), headTotal = new Float64Array(n);
    // up, base and diff list only their non-zero values: (gap to the previous listed position, value) pairs.
    const sparse = (pairs, into) => {
      for (let k = 0, i = 0; k < pairs.length; k += 2) {
        i += pairs[k];
        into[i] += pairs[k + 1];
      }
    };
    const up = new Int32Array(n);
    sparse(D.up, up);
    sparse(D.base, baseTotal);
    sparse(D.base, headTotal);
    sparse(D.diff, headTotal);
    const path = [0];
    parent[0] = -1;
    let maxDepth = 0;
    for (let i = 1; i < n; i++) {
      const d = depth[i - 1] + 1 - up[i];
      depth[i] = d;
      parent[i] = path[d - 1];
      path[d] = i;
      if (d > maxDepth) maxDepth = d;
    }
    for (let i = 0; i < n; i++) end[i] = i + 1;
    for (let i = n - 1; i > 0; i--) {
      const p = parent[i];
      baseTotal[p] += baseTotal[i];
      headTotal[p] += headTotal[i];
      if (end[i] > end[p]) end[p] = end[i];
    }
    const baseSamples = Math.max(1, D.samples[0]), headSamples = Math.max(1, D.samples[1]);
    const qValue = new Float64Array(n).fill(NaN), ciLow = new Float64Array(n), ciHigh = new Float64Array(n);
    const significant = new Uint8Array(n);
    for (let k = 0, node = 0; k < D.tests.length; k += 5) {
      node += D.tests[k];
      qValue[node] = D.tests[k + 1];
      ciLow[node] = D.tests[k + 2];
      ciHigh[node] = D.tests[k + 3];
      significant[node] = D.tests[k + 4];
    }
    const rules = D.rules || [];
    const marks = new Map();
    for (let k = 0, node = 0; k < (D.marks || []).length; k += 2) {
      node += D.marks[k];
      if (!marks.has(node)) marks.set(node, []);
      marks.get(node).push(rules[D.marks[k + 1]]);
    }
    const delta = (i) => headTotal[i] / headSamples - baseTotal[i] / baseSamples;

    // Colours, the rule of FlameColors: neutral unless a node's change is significant; red for slower, blue for
    // faster, in shades by how many steps of share points |delta| reaches.
    const S = D.shades, SHADES = S.steps.length + 1, NEUTRAL = S.neutral.length;
    const palette = S.neutral.concat(S.slower, S.faster);
    function shade(d) {
      let s = 0;
      while (s < S.steps.length && Math.abs(d) >= S.steps[s]) s++;
      return s;
    }
    const colour = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const d = delta(i);
      colour[i] = significant[i] ? NEUTRAL + (d > 0 ? 0 : SHADES) + shade(d) : nameOf[i] % NEUTRAL;
    }
    const darkText = (c) => c < NEUTRAL || (c - NEUTRAL) % SHADES < S.whiteText;

    const levels = [];
    {
      const counts = new Int32Array(maxDepth + 1);
      for (let i = 0; i < n; i++) counts[depth[i]]++;
      for (let d = 0; d <= maxDepth; d++) levels.push(new Int32Array(counts[d]));
      counts.fill(0);
      for (let i = 0; i < n; i++) levels[depth[i]][counts[depth[i]]++] = i;
    }

    const $ = (id) => document.getElementById(id);
    const canvas = $('canvas'), ctx = canvas.getContext('2d'), hover = $('hover'), tip = $('tip');
    const left = new Float64Array(n);
    let mode = 1, total = headTotal, zoom = 0, focus = -1, px = 1, x0 = 0, width = 0, nameMatch = null, rows = 0;

    function layout() {
      total = mode ? headTotal : baseTotal;
      const cursor = new Float64Array(n);
      for (let i = 1; i < n; i++) {
        const p = parent[i];
        left[i] = cursor[p] + left[p];
        cursor[p] += total[i];
      }
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
      return ctx.createPattern(tile, 'repeat');
    })();

    function matched(i) {
      return nameMatch !== null && nameMatch[nameOf[i]] === 1;
    }

    function drawFrame(i, x, w, y, faded) {
      const inner = w > 3 ? w - 1 : w;
      ctx.globalAlpha = faded ? 0.45 : nameMatch !== null && !matched(i) ? 0.3 : 1;
      ctx.fillStyle = palette[colour[i]];
      ctx.fillRect(x, y, inner, ROW - 1);
      if (baseTotal[i] === 0 && headTotal[i] > 0) {
        ctx.fillStyle = stripes;
        ctx.fillRect(x, y, inner, ROW - 1);
      }
      if (headTotal[i] === 0 && baseTotal[i] > 0 && inner > 2) {
        ctx.setLineDash([3, 2]);
        ctx.strokeStyle = '#424a53';
        ctx.lineWidth = 1.5;
        ctx.strokeRect(x + 0.75, y + 0.75, inner - 1.5, ROW - 2.5);
        ctx.setLineDash([]);
      }
      const flagged = marks.has(i);
      if (flagged || matched(i) || i === focus) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = i === focus ? '#1f2328' : matched(i) ? MATCH : RULE;
        ctx.lineWidth = 2;
        ctx.strokeRect(x + 1, y + 1, Math.max(1, inner - 2), ROW - 3);
        if (inner > 6) {
          ctx.strokeStyle = 'rgba(255,255,255,0.85)';
          ctx.lineWidth = 1;
          ctx.strokeRect(x + 2.5, y + 2.5, inner - 5, ROW - 6);
        }
      }
      let textX = x + 4;
      if (flagged && inner > 14) {
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
        textX = x + 19;
      }
      const room = x + inner - textX - 3;
      if (room > 20) {
        ctx.globalAlpha = faded ? 0.6 : nameMatch !== null && !matched(i) ? 0.45 : 1;
        ctx.fillStyle = darkText(colour[i]) ? '#1f2328' : '#ffffff';
        ctx.fillText(fit(names[nameOf[i]], room), Math.max(textX, 4), y + 13);
      }
      ctx.globalAlpha = 1;
    }

    let charWidth = 7;
    // The whole name when it fits, else without its path and Java package (java.util.regex.Pattern.compile ->
    // Pattern.compile), cut with an ellipsis.
    function fit(text, room) {
      const chars = Math.floor(room / charWidth);
      if (text.length <= chars) return text;
      const short = text.substring(text.lastIndexOf('/') + 1).replace(/^([a-z][\w$]*\.){2,}(?=[A-Z])/, '');
      return short.length <= chars ? short : chars < 3 ? '' : short.substring(0, chars - 1) + '\u2026';
    }

    function visibleRows() {
      let deepest = depth[zoom];
      for (let i = zoom; i < end[zoom];) {
        if (total[i] * px < MIN_WIDTH) { i = end[i]; continue; }
        if (depth[i] > deepest) deepest = depth[i];
        i++;
      }
      return Math.min(deepest + 1, Math.floor(MAX_CANVAS / ROW));
    }

    function draw() {
      width = canvas.parentElement.clientWidth - 40;
      x0 = left[zoom];
      px = total[zoom] > 0 ? width / total[zoom] : 0;
      rows = visibleRows();
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(rows * ROW * ratio);
      canvas.style.height = rows * ROW + 'px';
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.font = FONT;
      ctx.textBaseline = 'alphabetic';
      charWidth = ctx.measureText('abcdefghijklmnopqrstuvwxyz.ABCDEFGH_().').width / 40;
      for (let a = parent[zoom]; a >= 0; a = parent[a]) drawFrame(a, 0, width, depth[a] * ROW, true);
      for (let i = zoom; i < end[zoom];) {
        const w = total[i] * px;
        if (w < MIN_WIDTH || depth[i] >= rows) { i = end[i]; continue; }
        drawFrame(i, (left[i] - x0) * px, w, depth[i] * ROW, false);
        i++;
      }
      $('zoomed').textContent = zoom > 0 ? 'Zoomed into ' + names[nameOf[zoom]] + ' \u2014 click an ancestor or press Reset zoom to go back' : '';
    }

    function frameAt(x, y) {
      const d = Math.floor(y / ROW);
      if (d < 0 || d >= rows || d > maxDepth || x < 0 || x > width) return -1;
      if (d < depth[zoom]) {
        let a = zoom;
        while (depth[a] > d) a = parent[a];
        return a;
      }
      const xs = x0 + x / px, nodes = levels[d];
      let lo = 0, hi = nodes.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (left[nodes[mid]] <= xs) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      while (found >= 0 && total[nodes[found]] === 0) found--;
      const node = found < 0 ? -1 : nodes[found];
      return node >= zoom && node < end[zoom] && left[node] + total[node] > xs && total[node] * px >= MIN_WIDTH ? node : -1;
    }

    function points(share) {
      const pp = share * 100;
      return Math.abs(pp) >= 1 || pp === 0 ? pp.toFixed(1) : pp.toFixed(2);
    }
    const signed = (share) => (share >= 0 ? '+' : '-') + points(Math.abs(share));
    const probability = (p) => p === 0 || p >= 0.01 ? p.toFixed(2) : p.toExponential(0);
    const samples = (v) => Math.round(v).toLocaleString('en-US');

    function line(parentNode, className, text) {
      const div = document.createElement('div');
      div.className = className;
      div.textContent = text;
      parentNode.appendChild(div);
      return div;
    }

    function describe(i) {
      const lines = [];
      lines.push(['fn', names[nameOf[i]]]);
      const base = baseTotal[i] / baseSamples, head = headTotal[i] / headSamples, d = head - base;
      lines.push(['', 'base ' + points(base) + '% (' + samples(baseTotal[i]) + ' samples)  \u2192  head '
          + points(head) + '% (' + samples(headTotal[i]) + ' samples)']);
      if (isNaN(qValue[i])) {
        lines.push(['', '\u0394 ' + signed(d) + ' pp']);
        lines.push(['status flat', i === 0 ? 'all samples' : 'not tested: too few samples to reach the effect floors']);
      } else {
        lines.push(['', '\u0394 ' + signed(d) + ' pp   95% CI ' + signed(ciLow[i]) + ' \u2026 ' + signed(ciHigh[i])
            + ' pp   q = ' + probability(qValue[i])]);
        lines.push(significant[i] ? ['status ' + (d > 0 ? 'up' : 'down'), 'significant ' + (d > 0 ? 'regression' : 'improvement')]
            : ['status flat', 'no significant change (q above the FDR or change below the effect floors)']);
      }
      if (baseTotal[i] === 0 && headTotal[i] > 0) lines.push(['status up', 'new in head']);
      if (headTotal[i] === 0 && baseTotal[i] > 0) lines.push(['status down', 'gone in head']);
      return lines;
    }

    function showTip(i, event) {
      tip.textContent = '';
      for (const [cls, text] of describe(i)) line(tip, cls, text);
      for (const rule of marks.get(i) || []) {
        const box = line(tip, 'rule', '\u26a0 ' + rule.id + ': ' + rule.title);
        line(box, 'advice', rule.advice);
      }
      tip.style.display = 'block';
      const pad = 14, w = tip.offsetWidth, h = tip.offsetHeight;
      tip.style.left = Math.min(event.clientX + pad, window.innerWidth - w - 4) + 'px';
      tip.style.top = (event.clientY + pad + h > window.innerHeight ? event.clientY - h - pad : event.clientY + pad) + 'px';
    }

    function hideTip() {
      tip.style.display = 'none';
      hover.style.display = 'none';
      canvas.style.cursor = '';
    }

    function frameBox(i) {
      const a = i < zoom && zoom < end[i];
      const x = a ? 0 : (left[i] - x0) * px;
      const w = a ? width : total[i] * px;
      return {x: canvas.offsetLeft + x, y: canvas.offsetTop + depth[i] * ROW, w: w, h: ROW - 1};
    }

    canvas.addEventListener('mousemove', (event) => {
      const i = frameAt(event.offsetX, event.offsetY);
      if (i < 0) { hideTip(); return; }
      const box = frameBox(i);
      Object.assign(hover.style, {display: 'block', left: box.x + 'px', top: box.y + 'px',
          width: Math.max(2, box.w) + 'px', height: box.h + 'px'});
      canvas.style.cursor = 'pointer';
      showTip(i, event);
    });
    canvas.addEventListener('mouseleave', hideTip);
    canvas.addEventListener('click', (event) => {
      const i = frameAt(event.offsetX, event.offsetY);
      if (i >= 0) zoomTo(i, -1);
    });

    function zoomTo(i, focused) {
      zoom = i;
      focus = focused;
      hideTip();
      draw();
    }

    function setMode(m) {
      mode = m;
      $('mode-base').setAttribute('aria-pressed', String(m === 0));
      $('mode-head').setAttribute('aria-pressed', String(m === 1));
      layout();
      if (total[zoom] === 0) zoom = 0;
      search();
    }

    function search() {
      const text = $('search').value;
      if (text === '') {
        nameMatch = null;
        $('matched').textContent = '';
        draw();
        return;
      }
      let test;
      try {
        const re = new RegExp(text);
        test = (s) => re.test(s);
      } catch (e) {
        test = (s) => s.includes(text);
      }
      nameMatch = new Uint8Array(names.length);
      for (let k = 0; k < names.length; k++) nameMatch[k] = test(names[k]) ? 1 : 0;
      let sum = 0;
      for (let i = 1; i < n;) {
        if (matched(i)) { sum += total[i]; i = end[i]; } else i++;
      }
      const share = total[0] > 0 ? 100 * sum / total[0] : 0;
      $('matched').textContent = 'matched: ' + (share >= 100 ? '100' : share.toFixed(2)) + '% of total';
      draw();
    }

    function legend() {
      const scale = $('scale');
      const swatch = (colour, title) => {
        const i = document.createElement('i');
        i.style.background = colour;
        i.title = title;
        scale.appendChild(i);
      };
      for (const label of ['slower', 'faster', '\u0394 pp']) line(scale, '', label);
      S.labels.forEach((label, k) => {
        swatch(S.slower[k], 'significantly slower by ' + label + ' share points');
        swatch(S.faster[k], 'significantly faster by ' + label + ' share points');
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
        $('links').appendChild(anchor);
        $('links').appendChild(document.createTextNode(' '));
      }
      for (const f of D.findings) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = f.severity;
        line(button, 'fn', f.function).style.display = 'inline';
        const rest = document.createElement('span');
        rest.textContent = '  ' + f.kind + '  ' + f.delta + '  q = ' + f.q;
        button.appendChild(rest);
        if (f.rules.length > 0) {
          const flag = document.createElement('span');
          flag.className = 'rule';
          flag.textContent = '  \u26a0 ' + f.rules.map((r) => rules[r].id).join(', ');
          button.appendChild(flag);
        }
        button.title = f.function;
        button.disabled = f.node < 0;
        button.addEventListener('click', () => {
          if (total[f.node] === 0) setMode(total === headTotal ? 0 : 1);
          zoomTo(f.node, f.node);
          canvas.scrollIntoView({block: 'start', behavior: 'instant'});
          window.scrollBy(0, Math.max(0, depth[f.node] * ROW - 120));
        });
        item.appendChild(button);
        $('findings').appendChild(item);
      }
      for (const note of D.notes) {
        const li = document.createElement('li');
        li.textContent = note;
        $('notes').appendChild(li);
      }
    }

    let pending = 0;
    $('search').addEventListener('input', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(search);
    });
    $('reset').addEventListener('click', () => zoomTo(0, -1));
    $('mode-base').addEventListener('click', () => setMode(0));
    $('mode-head').addEventListener('click', () => setMode(1));
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') zoomTo(0, -1);
    });
    window.addEventListener('resize', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(draw);
    });

    // For automation and debugging: where a frame is drawn, and what is shown.
    window.profgate = {
      // The widest drawn frame whose name matches, in page coordinates.
      frame(pattern) {
        const re = new RegExp(pattern);
        let best = -1;
        for (let i = zoom; i < end[zoom]; i++) {
          if (re.test(names[nameOf[i]]) && total[i] * px >= MIN_WIDTH && depth[i] < rows
              && (best < 0 || total[i] > total[best])) best = i;
        }
        if (best < 0) return null;
        const box = frameBox(best), rect = canvas.getBoundingClientRect();
        return {x: rect.left + box.x - canvas.offsetLeft, y: rect.top + box.y - canvas.offsetTop, w: box.w, h: box.h,
            name: names[nameOf[best]], marked: marks.has(best), significant: significant[best] === 1,
            matched: matched(best), fill: palette[colour[best]]};
      },
      state() {
        return {zoom: names[nameOf[zoom]], mode: mode ? 'head' : 'base', frames: n};
      }
    };

    header();
    legend();
    setMode(1);
    performance.mark('profgate:first-paint');
  }
})();
