/* Interactive gradient field of f(x) = xᵀAx (DOM contract: CONTRIBUTING.md).
 * A classic script with no dependency: module scripts fail over file://.
 * The math mirrors snippets/matcalc/quadratic.py operation for operation; its
 * presets and limits arrive as JSON in each fragment written by
 * tools/generators/gradient_field_twins.py.
 */
(function () {
"use strict";
if (window.GradientField) return window.GradientField.initAll(); // loaded twice
var HALF = 200; // half the plot's viewBox
var uid = 0;
var C = null; // limits and tolerances from quadratic.py: the first fragment's JSON

// --- The math: matcalc/quadratic.py, line for line

// [mu1, mu2, theta, t]: eigenvalues of S/t, S = (A + Aᵀ)/2, angle of v1; t is a
// power of two near max |S_ij| (exact division): tiny entries never square to 0
function unitEigen(A) {
  var s11 = A[0][0], s22 = A[1][1], s12 = (A[0][1] + A[1][0]) / 2;
  var big = Math.max(Math.abs(s11), Math.abs(s22), Math.abs(s12));
  var t = big === 0 ? 1 : Math.pow(2, Math.floor(Math.log2(big)));
  s11 /= t; s22 /= t; s12 /= t;
  var m = (s11 + s22) / 2, d = (s11 - s22) / 2;
  var r = Math.sqrt(d * d + s12 * s12);
  return [m + r, m - r, 0.5 * Math.atan2(s12, d), t];
}

function cleanEigen(A) { // [l1, l2, theta], negligible ones set to 0
  var u = unitEigen(A), scale = Math.max(Math.abs(u[0]), Math.abs(u[1]));
  for (var i = 0; i < 2; i++) if (Math.abs(u[i]) <= C.zeroTol * scale) u[i] = 0;
  return [u[0] * u[3], u[1] * u[3], u[2]];
}

function classify(A) {
  var e = cleanEigen(A), l1 = e[0], l2 = e[1];
  if (l1 === 0 && l2 === 0) return "flat";
  if (l1 > 0 && l2 > 0) return "ellipses-min";
  if (l1 < 0 && l2 < 0) return "ellipses-max";
  if (l1 > 0 && l2 < 0) return "hyperbolas";
  return l1 + l2 > 0 ? "lines-min" : "lines-max";
}

function singular(kind) { return kind === "flat" || kind.indexOf("lines") === 0; }

function hessian(A) {
  return [[2 * A[0][0], A[0][1] + A[1][0]], [A[1][0] + A[0][1], 2 * A[1][1]]];
}

function compute(A, x) {
  var H = hessian(A), u = unitEigen(A), un = 2 * Math.max(Math.abs(u[0]), Math.abs(u[1])), hn = un * u[3];
  var g = [H[0][0] * x[0] + H[0][1] * x[1], H[1][0] * x[0] + H[1][1] * x[1]];
  var Ax = [A[0][0] * x[0] + A[0][1] * x[1], A[1][0] * x[0] + A[1][1] * x[1]];
  return {
    f: x[0] * Ax[0] + x[1] * Ax[1], grad: g, gradnorm: Math.hypot(g[0], g[1]),
    naive: [2 * Ax[0], 2 * Ax[1]], H: H, kind: classify(A),
    scale: un === 0 ? 1 : 1 / un / u[3], hnorm: hn
  };
}

// v at `scale` of its length, as (v / t) / ||H / t||: v * scale overflows for a tiny A
function drawnArrow(A, v) {
  var u = unitEigen(A), n = 2 * Math.max(Math.abs(u[0]), Math.abs(u[1]));
  return n === 0 ? v : [v[0] / u[3] / n, v[1] / u[3] / n];
}

function newtonStep(A, x) { // null when H is singular
  if (singular(classify(A))) return null;
  // H and grad over the same power of two t: det H no longer underflows
  var t = unitEigen(A)[3], H = hessian(A), g = compute(A, x).grad;
  var a = H[0][0] / t, b = H[0][1] / t, c = H[1][0] / t, d = H[1][1] / t, g0 = g[0] / t, g1 = g[1] / t;
  var det = a * d - b * c;
  return [x[0] - (d * g0 - b * g1) / det, x[1] - (a * g1 - c * g0) / det];
}

function viewHalfWidth(x) {
  var reach = Math.max(Math.abs(x[0]), Math.abs(x[1])), L = C.view;
  while (reach > L) L *= 2;
  return L;
}

function levelValues(A, L) { // levels of each sign the form takes
  var e = cleanEigen(A), h = C.levelSpacing * L, out = [];
  [e[0] > 0 ? e[0] : 0, e[1] < 0 ? e[1] : 0].forEach(function (lam) {
    for (var k = 1; lam && k <= C.levelCount; k++) out.push(lam * ((k * h) * (k * h)));
  });
  return out;
}

// The part of {x : xᵀAx = c} in the disc |x| <= radius, as polylines
function levelCurves(A, c, radius, step) {
  var e = cleanEigen(A), l1 = e[0], l2 = e[1];
  var cos = Math.cos(e[2]), sin = Math.sin(e[2]), R2 = radius * radius;
  function toX(y1, y2) { return [cos * y1 - sin * y2, sin * y1 + cos * y2]; }
  function sample(length, start, stop, point) {
    var n = Math.min(Math.max(1, Math.ceil(length / step)), 400), pts = [];
    for (var i = 0; i <= n; i++) pts.push(point(start + (stop - start) * i / n));
    return pts;
  }
  function ellipse(p, q) { // (p cos t, q sin t)
    if (Math.min(p, q) >= radius) return [];
    var big = Math.max(p, q), small = Math.min(p, q);
    var point = function (t) { return toX(p * Math.cos(t), q * Math.sin(t)); };
    if (big <= radius) return [sample(2 * Math.PI * big, 0, 2 * Math.PI, point)];
    // Two arcs around the ends of the short axis, at t = t0 and t0 + pi
    var tau = Math.asin(Math.sqrt((R2 - small * small) / (big * big - small * small))), t0 = p < q ? 0 : Math.PI / 2;
    return [t0, t0 + Math.PI].map(function (t) { return sample(2 * tau * big, t - tau, t + tau, point); });
  }
  function hyperbola(p, q, swap) { // (±p sqrt(1 + u²), q u)
    if (p >= radius) return [];
    var uMax = Math.sqrt((R2 - p * p) / (p * p + q * q));
    return [1, -1].map(function (side) {
      return sample(2 * uMax * Math.sqrt(p * p + q * q), -uMax, uMax, function (u) {
        var a = side * p * Math.sqrt(1 + u * u), b = q * u;
        return swap ? toX(b, a) : toX(a, b);
      });
    });
  }
  function parallel(p, swap) {
    if (p >= radius) return [];
    var h = Math.sqrt(R2 - p * p);
    return (p > 0 ? [p, -p] : [0]).map(function (off) {
      return sample(2 * h, -h, h, function (t) { return swap ? toX(t, off) : toX(off, t); });
    });
  }
  if (l1 === 0 && l2 === 0) return [];
  if (l1 !== 0 && l2 !== 0 && (l1 > 0) === (l2 > 0)) {
    if (c === 0 || (c > 0) !== (l1 > 0)) return [];
    return ellipse(Math.sqrt(c / l1), Math.sqrt(c / l2));
  }
  if (l1 !== 0 && l2 !== 0) {
    if (c === 0) {
      var a = Math.sqrt(-l2), b = Math.sqrt(l1), n = Math.sqrt(a * a + b * b);
      return [1, -1].map(function (s) {
        return sample(2 * radius, -radius, radius, function (t) { return toX(t * a / n, s * t * b / n); });
      });
    }
    if (c > 0) return hyperbola(Math.sqrt(c / l1), Math.sqrt(-c / l2), false);
    return hyperbola(Math.sqrt(c / l2), Math.sqrt(-c / l1), true);
  }
  var lam = l1 !== 0 ? l1 : l2;
  return c / lam < 0 ? [] : parallel(Math.sqrt(c / lam), l1 === 0);
}

// --- Text in and out

var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

// {value} or {error}; a message never repeats the typed text
function parseEntry(text, label) {
  var lim = C.limit, s = String(text).trim().replace(/\u2212/g, "-");
  if (s === "") return { error: label + ": enter a number." };
  if (!NUMBER.test(s)) return { error: label + " must be a number such as 1.5, -2 or 2e-3." };
  var v = Number(s);
  if (!(Math.abs(v) <= lim)) return { error: label + " is too large: keep |value| ≤ " + lim + "." };
  return { value: v === 0 ? 0 : v };
}

function fmt(v) { // 3 decimals, never "NaN" nor "-0.000"
  var s = isFinite(v) ? v.toFixed(3) : "—";
  return s === "-0.000" ? "0.000" : s;
}

function fmtScale(v) { // 5.00e+299, not 4.9999999999999995e+299
  return isFinite(v) && Math.abs(v) >= 1e4 ? v.toPrecision(3) : fmt(v);
}

// --- One widget

var FIELDS = { a11: "A₁₁", a12: "A₁₂", a21: "A₂₁", a22: "A₂₂", x1: "x₁", x2: "x₂", lr: "Step size η" };
var KEYS = Object.keys(FIELDS), ENTRIES = KEYS.slice(0, 4);

function find(id, cfg) { return cfg.presets.filter(function (p) { return p.id === id; })[0]; }

function template(id, cfg) {
  function input(k) {
    return '<label class="gf-field"><span>' + FIELDS[k] + '</span><input type="text" data-control="' + k +
      '" autocomplete="off" spellcheck="false" aria-describedby="' + id + '"></label>';
  }
  function inputs(keys) { return '<div class="gf-grid2">' + keys.map(input).join("") + "</div>"; }
  function ro(k) { return '<span data-readout="' + k + '"></span>'; }
  function arrow(cls) { return '<path class="gf-arrow gf-' + cls + '"></path>'; }
  function key(cls, text) { return '<span class="gf-key gf-key-' + cls + '">' + text + "</span> "; }
  function mat(p) { return "[" + ro(p + 11) + ", " + ro(p + 12) + "; " + ro(p + 21) + ", " + ro(p + 22) + "]"; }
  return '<div class="gf-live"><div class="gf-plot"><div class="gf-stage">' +
    '<svg viewBox="0 0 400 400" role="img" aria-label="Level curves of xᵀAx, the point x and its gradient">' +
    '<path class="gf-grid"></path><path class="gf-axis"></path><g class="gf-ticks"></g>' +
    '<path class="gf-level gf-pos"></path><path class="gf-level gf-neg"></path>' +
    '<path class="gf-through"></path><path class="gf-trail"></path>' +
    arrow("naive") + arrow("descent") + arrow("grad") + "</svg>" +
    '<div class="gf-handle" data-handle="point" tabindex="0" role="slider" ' +
    'aria-roledescription="draggable point" aria-label="Point x: drag it, or use the arrow keys"></div></div>' +
    '<p class="gf-legend">' + key("grad", "∇f = (A+Aᵀ)x") + key("descent", "−∇f, steepest descent") +
    key("naive", "2Ax, wrong unless A = Aᵀ") + key("through", "level curve through x") + "</p></div>" +
    '<div class="gf-panel"><label class="gf-field gf-preset"><span>Preset</span><select data-control="preset">' +
    cfg.presets.map(function (p) { return '<option value="' + p.id + '">' + p.label + "</option>"; }).join("") +
    '<option value="custom">Custom A</option></select></label>' +
    '<p data-role="description"></p><div class="gf-inputs">' +
    "<fieldset><legend>A</legend>" + inputs(ENTRIES) + "</fieldset>" +
    "<fieldset><legend>x</legend>" + inputs(["x1", "x2"]) + "</fieldset>" + input("lr") + "</div>" +
    '<p class="gf-error" data-role="error" id="' + id + '" role="alert" hidden></p>' +
    '<p><button type="button" data-action="gd">Gradient step x − η∇f</button> ' +
    '<button type="button" data-action="newton">Newton step x − H⁻¹∇f</button></p>' +
    '<p class="gf-readouts">x = (' + ro("x1") + ", " + ro("x2") + ")<br>f(x) = xᵀAx = " + ro("f") +
    "<br>∇f = (A+Aᵀ)x = (" + ro("grad1") + ", " + ro("grad2") + ")<br>‖∇f‖ = " + ro("gradnorm") +
    "<br>A = " + mat("a") + "<br>H = A+Aᵀ = " + mat("h") +
    "<br><small>Arrows drawn at " + ro("scale") + "× their length.</small></p>" +
    '<p data-role="note" aria-live="polite"></p></div></div>';
}

// State: v holds the valid values of every field, by control name
function Widget(root) {
  var data = root.querySelector('script[data-role="config"]');
  if (!data) throw new Error("gradient field: the fragment has no JSON config");
  var self = this, cfg = JSON.parse(data.textContent), live = document.createElement("div");
  C = api.config = C || cfg;
  this.cfg = cfg;
  this.root = root;
  this.v = { x1: cfg.x[0], x2: cfg.x[1], lr: cfg.lr };
  this.load(find(root.getAttribute("data-preset"), cfg) || find(cfg.defaultPreset, cfg));
  this.L = viewHalfWidth(cfg.x);
  this.written = {};
  live.innerHTML = template("gf-err-" + (++uid), cfg);
  live = live.firstChild;
  root.appendChild(live);
  this.q = function (sel) { return live.querySelector(sel); };
  this.handle = this.q(".gf-handle");
  this.inputs = {};
  this.out = {};
  KEYS.forEach(function (k) {
    self.inputs[k] = self.q('[data-control="' + k + '"]');
    self.inputs[k].addEventListener("change", function () { self.onInput(); });
  });
  [].forEach.call(live.querySelectorAll("[data-readout]"), function (el) { self.out[el.getAttribute("data-readout")] = el; });
  this.select = this.q("select");
  this.select.addEventListener("change", function () {
    var p = find(self.select.value, cfg);
    if (p) self.load(p); // "custom" has nothing to load
    self.reset();
  });
  this.q('[data-action="gd"]').addEventListener("click", function () { self.step(false); });
  this.newton = this.q('[data-action="newton"]');
  this.newton.addEventListener("click", function () { self.step(true); });
  this.bindPointer(this.q(".gf-stage"));
  root.classList.add("gf-js");
  this.reset();
}

var W = Widget.prototype;

W.A = function () { var v = this.v; return [[v.a11, v.a12], [v.a21, v.a22]]; };
W.x = function () { return [this.v.x1, this.v.x2]; };

W.load = function (preset) {
  var v = this.v;
  ENTRIES.forEach(function (k, i) { v[k] = preset.A[i >> 1][i & 1]; });
};

W.write = function (keys) {
  var self = this;
  keys.forEach(function (k) {
    var el = self.inputs[k];
    el.value = self.written[k] = k[0] === "x" ? fmt(self.v[k]) : String(self.v[k]);
    el.removeAttribute("aria-invalid");
  });
};

// Typed values: all valid, or a message and the last valid figure kept.
// A field still showing what the widget wrote keeps its full-precision value.
W.onInput = function () {
  var self = this, errors = [], next = {};
  KEYS.forEach(function (k) {
    var el = self.inputs[k], r = el.value === self.written[k] ? { value: self.v[k] } : parseEntry(el.value, FIELDS[k]);
    if (k === "lr" && !r.error && !(r.value > 0)) r = { error: "Step size η must be positive." };
    if (r.error) errors.push(r.error);
    else next[k] = r.value;
    el.setAttribute("aria-invalid", !!r.error);
  });
  if (errors.length) {
    this.showError(errors.join(" ") + " The figure keeps the last valid values.");
    return this.renderPoint();
  }
  this.v = next;
  this.reset();
};

W.showError = function (message) {
  var el = this.q('[data-role="error"]');
  el.textContent = message;
  el.hidden = !message;
  this.root.setAttribute("data-state", message ? "error" : "ready");
};

// Inputs rewritten from the state, no message, no step shown, full redraw
W.reset = function () {
  this.showError("");
  this.write(KEYS);
  this.trail = null;
  this.stepNote = "";
  this.L = viewHalfWidth(this.x());
  this.renderField();
};

W.step = function (newton) {
  var A = this.A(), x = this.x(), lim = this.cfg.limit;
  var g = compute(A, x).grad, lr = this.v.lr, next = newton ? newtonStep(A, x) : [x[0] - lr * g[0], x[1] - lr * g[1]];
  if (!next) return;
  this.stepNote = Math.abs(next[0]) <= lim && Math.abs(next[1]) <= lim ? "" :
    newton ? "The stationary point is outside |x| ≤ " + lim + "." :
    "That step leaves |x| ≤ " + lim + ": choose a smaller η.";
  if (this.stepNote) return this.renderPoint();
  this.moveTo(next, true);
  this.trail = [x, next];
  var L = viewHalfWidth(next);
  if (L !== this.L) { this.L = L; this.renderField(); } else this.renderPoint();
};

// Data coordinates to viewBox units
W.sx = function (v) { return (v / this.L + 1) * HALF; };
W.sy = function (v) { return (1 - v / this.L) * HALF; };

W.path = function (curves) {
  var self = this;
  return curves.map(function (pts) {
    return pts.map(function (p, i) {
      return (i ? "L" : "M") + self.sx(p[0]).toFixed(1) + " " + self.sy(p[1]).toFixed(1);
    }).join("");
  }).join("");
};

// Everything that depends on A or on the view
W.renderField = function () {
  var self = this, A = this.A(), L = this.L, cfg = this.cfg, q = this.q, H = hessian(A), pos = [], neg = [], grid = "";
  levelValues(A, L).forEach(function (c) {
    (c > 0 ? pos : neg).push.apply(c > 0 ? pos : neg, levelCurves(A, c, L * Math.SQRT2, L / 60));
  });
  q(".gf-pos").setAttribute("d", this.path(pos));
  q(".gf-neg").setAttribute("d", this.path(neg));
  for (var i = 1; i < 6; i++) if (i !== 3) grid += "M" + i * 400 / 6 + " 0V400M0 " + i * 400 / 6 + "H400";
  q(".gf-grid").setAttribute("d", grid);
  q(".gf-axis").setAttribute("d", "M0 200H400M200 0V400");
  function text(x, y, end, s) {
    return '<text x="' + x + '" y="' + y + '" class="gf-tick' + (end ? " gf-end" : "") + '">' + s + "</text>";
  }
  q(".gf-ticks").innerHTML = text(397, 195, 1, L) + text(397, 215, 1, "x₁") + text(205, 14, 0, L) + text(195, 14, 1, "x₂");
  ENTRIES.forEach(function (k, i) {
    self.out[k].textContent = fmt(A[i >> 1][i & 1]);
    self.out["h" + k.slice(1)].textContent = fmt(H[i >> 1][i & 1]);
  });
  var kind = classify(A), match = cfg.presets.filter(function (p) { return JSON.stringify(p.A) === JSON.stringify(A); })[0];
  this.select.value = match ? match.id : "custom";
  q('[data-role="description"]').textContent = match ? match.text : "Custom A. " + cfg.kinds[kind];
  this.symmetric = A[0][1] === A[1][0];
  this.root.classList.toggle("gf-nonsymmetric", !this.symmetric);
  this.newton.disabled = this.singular = singular(kind);
  this.out.scale.textContent = fmtScale(compute(A, [0, 0]).scale);
  this.renderPoint();
};

// An arrow from x along v (already scaled by drawnArrow): a shaft and a head
W.arrow = function (cls, v) {
  var x0 = this.sx(this.v.x1), y0 = this.sy(this.v.x2), k = HALF / this.L;
  var dx = v[0] * k, dy = -v[1] * k, len = Math.hypot(dx, dy), d = "";
  if (len >= 1) { // shorter than a pixel: no arrow
    var ux = dx / len, uy = dy / len, h = Math.min(12, len / 2), w = h / 2.2;
    var bx = x0 + dx - ux * h, by = y0 + dy - uy * h;
    d = "M" + [x0, y0, "L", bx, by, "M", x0 + dx, y0 + dy, "L", bx - uy * w, by + ux * w, "L", bx + uy * w, by - ux * w]
      .map(function (n) { return n.toFixed ? n.toFixed(1) : n; }).join(" ") + "Z";
  }
  this.q(".gf-" + cls).setAttribute("d", d);
};

// Everything that depends on x: runs on every drag event
W.renderPoint = function () {
  var A = this.A(), x = this.x(), q = this.q, L = this.L, notes = [], k;
  var r = compute(A, x);
  q(".gf-through").setAttribute("d", this.path(levelCurves(A, r.f, L * Math.SQRT2, L / 60)));
  q(".gf-trail").setAttribute("d", this.trail ? this.path([this.trail]) : "");
  this.handle.style.left = this.sx(x[0]) / 4 + "%";
  this.handle.style.top = this.sy(x[1]) / 4 + "%";
  // A gradient at rounding level, as after a Newton step, counts as 0
  var still = !(r.gradnorm > 1e-12 * r.hnorm * (1 + Math.hypot(x[0], x[1]))), g = still ? [0, 0] : r.grad;
  var drawn = drawnArrow(A, g);
  this.arrow("grad", drawn);
  this.arrow("descent", [-drawn[0], -drawn[1]]);
  this.arrow("naive", still || this.symmetric ? [0, 0] : drawnArrow(A, r.naive));
  var shown = { x1: x[0], x2: x[1], f: r.f, grad1: g[0], grad2: g[1], gradnorm: still ? 0 : r.gradnorm };
  for (k in shown) this.out[k].textContent = fmt(shown[k]);
  this.handle.setAttribute("aria-valuenow", fmt(x[0]));
  this.handle.setAttribute("aria-valuetext", "x = (" + fmt(x[0]) + ", " + fmt(x[1]) + ")");
  if (still) {
    notes.push(r.kind === "flat" ? "f = 0 everywhere: ∇f = 0, no arrow." :
      "∇f = 0: no arrow, x is a stationary point." +
      (r.kind.indexOf("ellipses") === 0 ? " The level set through x is the single point 0." : ""));
  }
  if (this.singular) notes.push("No Newton step: H = A+Aᵀ is singular.");
  if (this.stepNote) notes.push(this.stepNote);
  q('[data-role="note"]').textContent = notes.join(" ");
};

// Chromium ignores touch-action on SVG shapes: the point is an HTML element,
// so a touch on it drags and a touch on the plot scrolls the page.
W.bindPointer = function (stage) {
  var self = this, active = null;
  function go(e) {
    var box = stage.getBoundingClientRect(), L = self.L;
    self.moveTo([((e.clientX - box.left) / box.width * 2 - 1) * L, (1 - (e.clientY - box.top) / box.height * 2) * L]);
  }
  stage.addEventListener("pointerdown", function (e) {
    if (e.button || (e.pointerType === "touch" && e.target !== self.handle)) return;
    e.preventDefault();
    stage.setPointerCapture(active = e.pointerId);
    self.handle.focus({ preventScroll: true });
    go(e);
  });
  stage.addEventListener("pointermove", function (e) { if (e.pointerId === active) go(e); });
  function end(e) { if (e.pointerId === active) active = null; }
  stage.addEventListener("pointerup", end);
  stage.addEventListener("pointercancel", end);
  this.handle.addEventListener("keydown", function (e) {
    var d = e.shiftKey ? 0.01 : 0.1, v = self.v;
    var m = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] }[e.key];
    if (!m) return;
    e.preventDefault();
    self.moveTo([v.x1 + m[0], v.x2 + m[1]]);
  });
};

// x to a point: a dragged one is kept in the view and rounded to 3 decimals.
// A pending error that was only in x is gone; other pending entries apply.
W.moveTo = function (p, exact) {
  var L = Math.min(this.L, this.cfg.limit); // the view may reach past the typed limit
  if (!exact) p = p.map(function (v) { return Math.round(Math.min(L, Math.max(-L, v)) * 1000) / 1000 || 0; });
  this.v.x1 = p[0];
  this.v.x2 = p[1];
  this.write(["x1", "x2"]);
  if (exact) return;
  this.trail = null;
  this.stepNote = "";
  if (this.root.getAttribute("data-state") === "error") this.onInput();
  else this.renderPoint();
};

function initAll() {
  [].forEach.call(document.querySelectorAll('[data-widget="gradient-field"]'), function (root) {
    if (!root.__gradientField) root.__gradientField = new Widget(root); // once per root
  });
}

var api = window.GradientField = {
  version: 1, config: null, initAll: initAll, classify: classify, compute: compute,
  drawnArrow: drawnArrow, newtonStep: newtonStep, viewHalfWidth: viewHalfWidth, levelValues: levelValues, levelCurves: levelCurves
};

if (window.document$ && window.document$.subscribe) window.document$.subscribe(initAll);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
else initAll();
})();
