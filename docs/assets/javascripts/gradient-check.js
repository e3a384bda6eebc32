/* Gradient checker panel (DOM contract: CONTRIBUTING.md, "The gradient checker").
 * A classic script (module scripts fail over file://), loaded only by the
 * gradient-checker page. math.js is injected on first use, as a classic script
 * served by the site; only its parser is used: this script walks the parse tree,
 * allows a fixed set of node types and function names, and evaluates them itself
 * in float64 (no eval, no new Function, no math.js evaluate). The verdict rules
 * and diagnoses are those of matcalc.gradcheck (snippets/matcalc/gradcheck.py),
 * ported line for line where marked.
 */
(function () {
"use strict";
if (window.GradientCheck) return;

// --- matcalc.gradcheck's constants
var EPS = Math.pow(2, -52);
var PASS = 1e-6, FAIL = 1e-3;
var BASE_STEP = Math.cbrt(EPS);
var ROUNDOFF = 2.0, RIDDERS_START = 0.1, RIDDERS_SHRINK = 1.4, RIDDERS_ROWS = 12;
var RIDDERS_MIN_ROWS = 4, TRIAL = 4, NOISY = 100.0;

// --- the panel's own limits
var DRAWS = 3;          // independent random points per check
var MAX_REDRAWS = 10;   // attempts per draw when inv/det meet a singular matrix
var MAX_CHARS = 1000;   // per field: longer input is refused before parsing
var MAX_DIM = 20;       // largest size of a declared dimension
var SINGULAR = 1e-10;   // smallest pivot / largest pivot below which a matrix is singular
var FUNCTIONS = {
  trace: 1, det: 1, inv: 1, log: 1, exp: 1, sqrt: 1, abs: 1, norm: 1, sum: 1,
  transpose: 1, sin: 1, cos: 1, tanh: 1, eye: 1, ones: 1
};
var OPERATORS = {
  add: 1, subtract: 1, multiply: 1, divide: 1, dotMultiply: 1, dotDivide: 1,
  dotPow: 1, pow: 1, unaryMinus: 1, unaryPlus: 1, ctranspose: 1, transpose: 1
};
var PROPERTIES = { symmetric: 1, spd: 1, invertible: 1, positive: 1 };

function InputError(message) { this.message = message; }
function Singular(what) { this.what = what; }

// --- dense matrices: {r, c, d} with d a row-major Float64Array

function mat(r, c) { return { r: r, c: c, d: new Float64Array(r * c) }; }
function shapeText(s) { return s.r + "×" + s.c; }
function isScalar(s) { return s.r === 1 && s.c === 1; }

function transpose(a) {
  var out = mat(a.c, a.r);
  for (var i = 0; i < a.r; i++) for (var j = 0; j < a.c; j++) out.d[j * a.r + i] = a.d[i * a.c + j];
  return out;
}

function matmul(a, b) {
  var out = mat(a.r, b.c), n = a.c;
  for (var i = 0; i < a.r; i++) for (var k = 0; k < n; k++) {
    var aik = a.d[i * n + k];
    if (aik === 0) continue;
    for (var j = 0; j < b.c; j++) out.d[i * b.c + j] += aik * b.d[k * b.c + j];
  }
  return out;
}

// LU with partial pivoting; pivot ratio as a cheap singularity test
function lu(a) {
  var n = a.r, m = Float64Array.from(a.d), perm = [], sign = 1, big = 0, small = Infinity;
  for (var i = 0; i < n; i++) perm.push(i);
  for (var k = 0; k < n; k++) {
    var p = k, best = Math.abs(m[k * n + k]);
    for (i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > best) { best = Math.abs(m[i * n + k]); p = i; }
    if (p !== k) {
      for (var j = 0; j < n; j++) { var t = m[k * n + j]; m[k * n + j] = m[p * n + j]; m[p * n + j] = t; }
      t = perm[k]; perm[k] = perm[p]; perm[p] = t; sign = -sign;
    }
    big = Math.max(big, best); small = Math.min(small, best);
    if (best === 0) continue;
    for (i = k + 1; i < n; i++) {
      var l = m[i * n + k] / m[k * n + k];
      m[i * n + k] = l;
      for (j = k + 1; j < n; j++) m[i * n + j] -= l * m[k * n + j];
    }
  }
  return { m: m, perm: perm, sign: sign, singular: !(small > SINGULAR * big) };
}

function det(a, what, ctx) {
  var f = lu(a), n = a.r, value = f.sign;
  if (f.singular) ctx.singular = what;
  for (var i = 0; i < n; i++) value *= f.m[i * n + i];
  var out = mat(1, 1); out.d[0] = value; return out;
}

function inv(a, what) {
  var f = lu(a), n = a.r, out = mat(n, n);
  if (f.singular) throw new Singular(what);
  for (var col = 0; col < n; col++) {
    var y = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      var s = f.perm[i] === col ? 1 : 0;
      for (var k = 0; k < i; k++) s -= f.m[i * n + k] * y[k];
      y[i] = s;
    }
    for (i = n - 1; i >= 0; i--) {
      s = y[i];
      for (k = i + 1; k < n; k++) s -= f.m[i * n + k] * y[k];
      y[i] = s / f.m[i * n + i];
    }
    for (i = 0; i < n; i++) out.d[i * n + col] = y[i];
  }
  return out;
}

function map(a, fn) {
  var out = mat(a.r, a.c);
  for (var i = 0; i < a.d.length; i++) out.d[i] = fn(a.d[i]);
  return out;
}

function zip(a, b, fn) { // same shape, or one of them 1×1
  var r = Math.max(a.r, b.r), c = Math.max(a.c, b.c), out = mat(r, c);
  var sa = a.d.length === 1, sb = b.d.length === 1;
  for (var i = 0; i < out.d.length; i++) out.d[i] = fn(sa ? a.d[0] : a.d[i], sb ? b.d[0] : b.d[i]);
  return out;
}

function scalar(v) { var out = mat(1, 1); out.d[0] = v; return out; }

// --- declarations: "name: shape [properties]", one a line (or separated by ";")

function parseDeclarations(text) {
  var vars = {}, order = [];
  var lines = String(text).split(/[\n;]/);
  for (var ln = 0; ln < lines.length; ln++) {
    var line = lines[ln].trim();
    if (!line) continue;
    var where = "variables, declaration " + (order.length + 1) + " (" + JSON.stringify(line) + ")";
    var m = /^([A-Za-z][A-Za-z0-9_]*)\s*:\s*(.+)$/.exec(line);
    if (!m) throw new InputError(where + ": write name: shape, e.g. x: 4 or A: 4 x 4");
    var name = m[1], words = m[2].trim().toLowerCase().split(/\s+/), r, c, twoDims = false;
    if (FUNCTIONS[name] || name === "pi" || name === "e") {
      throw new InputError(where + ": " + name + " is a function or constant of the syntax; pick another name");
    }
    if (vars[name]) throw new InputError(where + ": " + name + " is declared twice");
    var shape = words.shift();
    if (shape === "scalar") { r = 1; c = 1; }
    else {
      var dims = /^(\d+)(?:[x×](\d+)?)?$/.exec(shape);
      if (dims && dims[2] === undefined && /[x×]$/.test(shape)) { // "4 x 4" or "4x 4"
        dims = [0, dims[1], words.shift() || ""];
      } else if (dims && dims[2] === undefined && (words[0] === "x" || words[0] === "×")) {
        words.shift(); dims = [0, dims[1], words.shift() || ""];
      }
      if (!dims || (dims[2] !== undefined && !/^\d+$/.test(dims[2]))) {
        throw new InputError(where + ": the shape must be scalar, n (a vector of length n) or m x n");
      }
      r = +dims[1]; c = dims[2] === undefined ? 1 : +dims[2]; twoDims = dims[2] !== undefined;
      if (r < 1 || c < 1 || r > MAX_DIM || c > MAX_DIM) {
        throw new InputError(where + ": sizes run from 1 to " + MAX_DIM);
      }
    }
    var props = {};
    for (var w = 0; w < words.length; w++) {
      if (!PROPERTIES[words[w]]) {
        throw new InputError(where + ": unknown property " + JSON.stringify(words[w]) +
          "; properties are symmetric, spd, invertible and positive");
      }
      if (words[w] !== "positive" && !(twoDims && r === c)) {
        throw new InputError(where + ": " + words[w] + " needs a square matrix, n x n");
      }
      props[words[w]] = true;
    }
    vars[name] = { name: name, r: r, c: c, props: props, index: order.length };
    order.push(name);
  }
  if (!order.length) throw new InputError("variables is empty: declare at least one, e.g. x: 4");
  return { vars: vars, order: order };
}

// --- expressions: math.js parses; this walker allows, shape-checks and compiles

function positionOf(text, name) {
  var m = new RegExp("(^|[^A-Za-z0-9_])" + name + "(?![A-Za-z0-9_])").exec(text);
  return m ? m.index + m[1].length + 1 : 1;
}

function parse(text, field) {
  if (!text || !String(text).trim()) throw new InputError(field + " is empty");
  if (text.length > MAX_CHARS) {
    throw new InputError(field + " has " + text.length + " characters; the limit is " + MAX_CHARS);
  }
  try {
    return window.math.parse(text);
  } catch (e) {
    var m = /\(char (\d+)\)/.exec(e.message || "");
    throw new InputError(field + ": syntax error" + (m ? " at position " + m[1] : "") + ": " +
      String(e.message || e).replace(/\s*\(char \d+\)/, ""));
  }
}

// compile(node) -> {r, c, run(env, ctx)}: shapes are known before any number
function compile(node, decl, text, field) {
  function fail(message) { throw new InputError(field + ": " + message); }
  function src(n) { return n.toString(); }
  function walk(n) {
    switch (n.type) {
      case "ParenthesisNode": return walk(n.content);
      case "ConstantNode":
        if (typeof n.value !== "number" || !isFinite(n.value)) {
          fail("only finite real numbers are allowed, not " + src(n));
        }
        var v = n.value;
        return { r: 1, c: 1, run: function () { return scalar(v); } };
      case "SymbolNode": return symbol(n);
      case "OperatorNode": return operator(n);
      case "FunctionNode": return call(n);
      case "AssignmentNode": case "FunctionAssignmentNode":
        return fail("assignments and function definitions are refused; write one expression");
      case "AccessorNode": case "IndexNode":
        return fail("indexing is not part of the syntax (" + src(n) + ")");
      case "ArrayNode":
        return fail("matrix literals are not part of the syntax (" + src(n) + "); declare a variable instead");
      default:
        return fail("this construct is refused: " + src(n));
    }
  }
  function symbol(n) {
    var v = decl.vars[n.name];
    if (v) return { r: v.r, c: v.c, run: function (env) { return env[v.index]; } };
    if (n.name === "pi" || n.name === "e") {
      var k = n.name === "pi" ? Math.PI : Math.E;
      return { r: 1, c: 1, run: function () { return scalar(k); } };
    }
    return fail("unknown name " + n.name + " at position " + positionOf(text, n.name) +
      "; declare it under variables");
  }
  function operator(n) {
    if (!OPERATORS[n.fn]) return fail("the operator " + n.op + " is not part of the syntax");
    var a = walk(n.args[0]);
    if (n.args.length === 1) {
      if (n.fn === "unaryPlus") return a;
      if (n.fn === "unaryMinus") return { r: a.r, c: a.c, run: function (env, ctx) { return map(a.run(env, ctx), function (t) { return -t; }); } };
      return { r: a.c, c: a.r, run: function (env, ctx) { return transpose(a.run(env, ctx)); } };
    }
    var b = walk(n.args[1]), A = src(n.args[0]), B = src(n.args[1]);
    var both = A + " is " + shapeText(a) + " and " + B + " is " + shapeText(b);
    var sa = isScalar(a), sb = isScalar(b);
    function entrywise(fn, what) {
      if (!(sa || sb || (a.r === b.r && a.c === b.c))) fail(what + " needs equal shapes: " + both);
      return { r: Math.max(a.r, b.r), c: Math.max(a.c, b.c),
        run: function (env, ctx) { return zip(a.run(env, ctx), b.run(env, ctx), fn); } };
    }
    switch (n.fn) {
      case "add": return entrywise(function (s, t) { return s + t; }, "+");
      case "subtract": return entrywise(function (s, t) { return s - t; }, "-");
      case "dotMultiply": return entrywise(function (s, t) { return s * t; }, ".*");
      case "dotDivide": return entrywise(function (s, t) { return s / t; }, "./");
      case "dotPow": return entrywise(power, ".^");
      case "divide":
        if (!sb) fail("/ divides by a scalar only: " + both + " (use inv(...) or ./)");
        return entrywise(function (s, t) { return s / t; }, "/");
      case "pow":
        if (!sa || !sb) fail("^ takes scalars: " + both + " (use .^ for entry by entry)");
        return entrywise(power, "^");
      default: // multiply
        if (sa || sb) return entrywise(function (s, t) { return s * t; }, "*");
        if (a.c !== b.r) {
          fail(A + " * " + B + " do not conform: " + both + " (inner sizes " + a.c + " and " + b.r + ")");
        }
        return { r: a.r, c: b.c, run: function (env, ctx) { return matmul(a.run(env, ctx), b.run(env, ctx)); } };
    }
  }
  // eye(n): the n×n identity; ones(m, n) (ones(n) is n×n, as in MATLAB): sizes are numbers
  function constantMatrix(n, name) {
    var sizes = n.args.map(function (a) {
      var v = a.type === "ConstantNode" ? a.value : NaN;
      if (!(v === Math.round(v) && v >= 1 && v <= MAX_DIM)) {
        fail(name + " takes sizes that are whole numbers from 1 to " + MAX_DIM + " (" + src(n) + ")");
      }
      return v;
    });
    if (sizes.length < 1 || sizes.length > (name === "eye" ? 1 : 2)) {
      fail(name === "eye" ? "eye takes one size, eye(n)" : "ones takes one or two sizes, ones(m, n)");
    }
    var r = sizes[0], c = sizes.length > 1 ? sizes[1] : sizes[0];
    return { r: r, c: c, run: function () {
      var out = mat(r, c);
      for (var i = 0; i < r; i++) for (var j = 0; j < c; j++) out.d[i * c + j] = name === "ones" || i === j ? 1 : 0;
      return out;
    } };
  }
  function power(s, t) {
    if (s < 0 && t !== Math.round(t)) throw new InputError(field + ": a negative number to a non-integer power is complex, which the checker does not accept");
    return Math.pow(s, t);
  }
  function call(n) {
    var name = n.fn && n.fn.name;
    if (n.fn.type !== "SymbolNode") return fail("this call is refused: " + src(n));
    if (name === "evaluate" || name === "import" || name === "parse" || name === "compile" || name === "createUnit") {
      return fail(name + " is refused inside expressions");
    }
    if (decl.vars[name]) return fail(name + " is a variable, not a function; indexing is not part of the syntax");
    if (!FUNCTIONS[name]) {
      return fail("unknown function " + name + " at position " + positionOf(text, name) +
        "; the syntax knows " + Object.keys(FUNCTIONS).join(", "));
    }
    if (name === "eye" || name === "ones") return constantMatrix(n, name);
    if (n.args.length !== 1) fail(name + " takes one argument (" + src(n) + ")");
    var a = walk(n.args[0]), what = src(n), square = a.r === a.c;
    function entrywise(fn, domain) {
      return { r: a.r, c: a.c, run: function (env, ctx) {
        return map(a.run(env, ctx), function (t) {
          if (domain && t < 0) {
            throw new InputError(field + ": " + what + " has a negative argument, so the result is complex, which the checker does not accept; declare the variable positive or spd, or use abs");
          }
          return fn(t);
        });
      } };
    }
    function reduce(fn) { return { r: 1, c: 1, run: function (env, ctx) { return scalar(fn(a.run(env, ctx))); } }; }
    switch (name) {
      case "exp": return entrywise(Math.exp);
      case "log": return entrywise(Math.log, true);
      case "sqrt": return entrywise(Math.sqrt, true);
      case "abs": return entrywise(Math.abs);
      case "sin": return entrywise(Math.sin);
      case "cos": return entrywise(Math.cos);
      case "tanh": return entrywise(Math.tanh);
      case "transpose": return { r: a.c, c: a.r, run: function (env, ctx) { return transpose(a.run(env, ctx)); } };
      case "sum": return reduce(function (m) { var s = 0; for (var i = 0; i < m.d.length; i++) s += m.d[i]; return s; });
      case "norm": return reduce(function (m) { // 2-norm of a vector, Frobenius of a matrix
        var big = 0, s = 0, i;
        for (i = 0; i < m.d.length; i++) big = Math.max(big, Math.abs(m.d[i]));
        if (big === 0 || !isFinite(big)) return big;
        for (i = 0; i < m.d.length; i++) s += (m.d[i] / big) * (m.d[i] / big);
        return big * Math.sqrt(s);
      });
      case "trace":
        if (!square) fail(what + " needs a square matrix; its argument is " + shapeText(a));
        return reduce(function (m) { var s = 0; for (var i = 0; i < m.r; i++) s += m.d[i * m.c + i]; return s; });
      case "det":
        if (!square) fail(what + " needs a square matrix; its argument is " + shapeText(a));
        return { r: 1, c: 1, run: function (env, ctx) { return det(a.run(env, ctx), what, ctx); } };
      default: // inv
        if (!square) fail(what + " needs a square matrix; its argument is " + shapeText(a));
        return { r: a.r, c: a.c, run: function (env, ctx) { return inv(a.run(env, ctx), what); } };
    }
  }
  return walk(node);
}

// --- random draws respecting only the declared properties

function prng(seed) { // mulberry32: small, seeded, repeatable
  var s = seed >>> 0;
  return function () {
    s = (s + 0x6D2B79F5) >>> 0;
    var t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand) { // Box-Muller
  var u = 1 - rand(), v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function draw(v, rand) {
  var m = mat(v.r, v.c), i, j, n = v.r;
  for (i = 0; i < m.d.length; i++) m.d[i] = normal(rand);
  if (v.props.spd) { // G Gᵀ / n + I: symmetric, eigenvalues at least 1
    var s = matmul(m, transpose(m));
    for (i = 0; i < s.d.length; i++) s.d[i] /= n;
    for (i = 0; i < n; i++) s.d[i * n + i] += 1;
    return s;
  }
  if (v.props.symmetric) {
    for (i = 0; i < n; i++) for (j = 0; j < i; j++) m.d[j * n + i] = m.d[i * n + j];
  }
  if (v.props.positive) for (i = 0; i < m.d.length; i++) m.d[i] = 0.5 + Math.abs(m.d[i]);
  return m; // a Gaussian square matrix is invertible and non-symmetric almost surely
}

// --- matcalc.gradcheck, ported: compare, ridders, is_kink, noise_level, pick, run_check

function scaledMax() {
  var m = 0;
  for (var a = 0; a < arguments.length; a++) {
    var x = arguments[a];
    if (typeof x === "number") m = Math.max(m, Math.abs(x));
    else for (var i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  }
  return m;
}

function compare(a, n, err) {
  var K = err.length, m = scaledMax(a, n), diff = new Float64Array(K), score = new Float64Array(K);
  if (m === 0) return { diff: diff, score: score, scale: 0 };
  var sa = 0, sn = 0, k;
  for (k = 0; k < K; k++) { sa = Math.max(sa, Math.abs(a[k] / m)); sn = Math.max(sn, Math.abs(n[k] / m)); }
  var scale = sa + sn;
  for (k = 0; k < K; k++) {
    var d = Math.abs(a[k] / m - n[k] / m), floor = Math.max(scale, (err[k] / m) / PASS);
    diff[k] = d * m;
    score[k] = d > 0 ? d / floor : 0;
  }
  return { diff: diff, score: score, scale: scale * m };
}

function ridders(valueAt, f0, start, fscaleFloor) {
  var H = start, plus, minus;
  for (;;) {
    plus = valueAt(H); minus = valueAt(-H);
    if (plus !== null && minus !== null) break;
    H /= 10;
    if (H < start * 1e-6) throw new InputError("f is not finite on either side of the drawn point at any step tried");
  }
  var table = [], curvature = [], steps = [];
  var best = null, bestErr = Infinity, bestStep = H;
  var fscale = Math.max(fscaleFloor, Math.abs(f0)), con2 = RIDDERS_SHRINK * RIDDERS_SHRINK;
  for (var i = 0; i < RIDDERS_ROWS; i++) {
    if (i) {
      H /= RIDDERS_SHRINK;
      plus = valueAt(H); minus = valueAt(-H);
      if (plus === null || minus === null) break;
    }
    steps.push(H);
    fscale = Math.max(fscale, Math.abs(plus), Math.abs(minus));
    curvature.push(Math.abs(plus - 2 * f0 + minus) / H);
    var row = [(plus - minus) / (2 * H)], fac = con2;
    for (var j = 1; j <= i; j++) {
      row.push((row[j - 1] * fac - table[table.length - 1][j - 1]) / (fac - 1));
      fac *= con2;
      var err = Math.max(Math.abs(row[j] - row[j - 1]), Math.abs(row[j] - table[table.length - 1][j - 1]));
      if (err <= bestErr) { best = row[j]; bestErr = err; bestStep = H; }
    }
    if (i && i >= RIDDERS_MIN_ROWS - 1 && Math.abs(row[i] - table[table.length - 1][i - 1]) >= 2 * bestErr) {
      table.push(row);
      break;
    }
    table.push(row);
  }
  var kink;
  if (isKink(curvature, steps, EPS * fscale)) {
    best = table[table.length - 1][0]; bestErr = 0; bestStep = steps[steps.length - 1]; kink = true;
  } else {
    kink = false;
    if (best === null) { best = table[0][0]; bestErr = Infinity; }
  }
  var roundoff = ROUNDOFF * EPS * fscale / bestStep;
  return { est: best, err: Math.max(bestErr, roundoff), roundoff: roundoff, kink: kink, steps: steps, fscale: fscale };
}

function isKink(curvature, steps, noise) {
  var L = curvature.length;
  if (L < 3 || curvature[0] * steps[0] <= 100 * noise || curvature[L - 1] === 0) return false;
  var slope = Math.log(curvature[0] / curvature[L - 1]) / Math.log(steps[0] / steps[L - 1]);
  return Math.abs(slope) < 0.4;
}

function noiseLevel(valueAt, f0, delta) {
  var w = [1, -6, 15, -20, 15, -6, 1], s = 0;
  for (var j = -3; j <= 3; j++) {
    var v = j === 0 ? f0 : valueAt(j * delta);
    if (v === null) return 0;
    s += w[j + 3] * v;
  }
  return Math.abs(s) / Math.sqrt(924);
}

function pick(runs, sigma) {
  var a = runs[0], b = runs[1];
  var errA = Math.max(a.err, 4 * sigma / a.steps[a.steps.length - 1]);
  var errB = Math.max(b.err, 4 * sigma / b.steps[b.steps.length - 1]);
  a.err = errA; b.err = errB;
  var gap = Math.abs(a.est - b.est);
  if (gap <= errA + errB) return errA <= errB ? a : b;
  return errB >= gap ? a : b;
}

// Coordinate directions over the entries of x (matcalc's Coordinates)
function runCheck(x, claimed, f, f0) {
  var K = x.length, numeric = new Float64Array(K), err = new Float64Array(K);
  var roundoff = new Float64Array(K), step = new Float64Array(K), fscale = new Float64Array(K);
  var kink = new Uint8Array(K), extrapolated = new Uint8Array(K);
  var largest = scaledMax(x), typical = largest > 0 ? Math.min(1, largest) : 1;
  function scaleOf(k) { return Math.max(Math.abs(x[k]), typical); }
  function shift(k, t) { var y = Float64Array.from(x); y[k] += t; return y; }
  var seen = 0; // the largest change |f(x + t e_k) - f(x)| of any evaluation
  function change(v) { if (v !== null) seen = Math.max(seen, Math.abs(v - f0)); return v; }
  var k;
  for (k = 0; k < K; k++) {
    var h = BASE_STEP * scaleOf(k);
    h = (x[k] + h) - x[k]; // the step actually taken after rounding
    var plus = change(f(shift(k, h))), minus = change(f(shift(k, -h)));
    numeric[k] = (plus - minus) / (2 * h);
    fscale[k] = Math.max(Math.abs(f0), Math.abs(plus), Math.abs(minus));
    roundoff[k] = ROUNDOFF * EPS * fscale[k] / h;
    step[k] = h;
  }
  err.set(roundoff);

  function extrapolate(ks) {
    var scale = compare(claimed, numeric, err).scale;
    ks.forEach(function (k) {
      var valueAt = function (t) { return change(f.raw(shift(k, t))); };
      var runs = [], agreed = false, starts = [RIDDERS_START * scaleOf(k), step[k]];
      for (var s = 0; s < 2; s++) {
        runs.push(ridders(valueAt, f0, starts[s], fscale[k]));
        var r = runs[runs.length - 1];
        agreed = Math.abs(claimed[k] - r.est) <= Math.max(r.err, PASS * scale) && r.err <= FAIL * scale;
        if (agreed) break;
      }
      var run = runs[runs.length - 1];
      if (runs.length === 2 && !agreed) {
        run = runs[0].kink ? runs[0] : pick(runs, noiseLevel(valueAt, f0, step[k] / 100));
      }
      numeric[k] = run.est; err[k] = run.err; roundoff[k] = run.roundoff; kink[k] = run.kink ? 1 : 0;
      fscale[k] = run.fscale; extrapolated[k] = 1;
    });
  }
  function resolved(ks, st) {
    return ks.map(function (k) {
      var noisy = err[k] > NOISY * roundoff[k];
      var margin = (noisy ? 10 : 1) * Math.max(err[k], PASS * st.scale);
      return st.score[k] > PASS && !kink[k] && st.diff[k] > margin;
    });
  }
  function byScore(ks, values) { return ks.slice().sort(function (i, j) { return values[j] - values[i]; }); }
  var st = compare(claimed, numeric, err), all = [];
  for (k = 0; k < K; k++) all.push(k);
  var disagree = all.filter(function (k) { return st.score[k] > PASS && !extrapolated[k]; });
  if (disagree.length) {
    var order = byScore(disagree, st.score);
    extrapolate(order.slice(0, TRIAL));
    st = compare(claimed, numeric, err);
    if (!resolved(order.slice(0, TRIAL), st).some(Boolean)) {
      extrapolate(order.slice(TRIAL));
      st = compare(claimed, numeric, err);
    }
  }
  var coarse = all.filter(function (k) { return err[k] > PASS * st.scale && !extrapolated[k]; });
  if (coarse.length && !all.some(function (k) { return st.score[k] > PASS; })) {
    order = byScore(coarse, err);
    var head = order.slice(0, TRIAL), before = head.map(function (k) { return err[k]; });
    extrapolate(head);
    if (head.every(function (k, i) { return err[k] <= PASS * st.scale || err[k] < before[i] / 100; })) {
      extrapolate(order.slice(TRIAL));
    }
    st = compare(claimed, numeric, err);
  }
  var worst = 0;
  for (k = 1; k < K; k++) if (st.score[k] > st.score[worst]) worst = k;
  var fdError = scaledMax(err), resolution = fdError / PASS;
  var clear = new Uint8Array(K), failing = false, noisyAny = false;
  var ext = all.filter(function (k) { return extrapolated[k]; }), res = resolved(ext, st);
  ext.forEach(function (k, i) { clear[k] = res[i] ? 1 : 0; });
  for (k = 0; k < K; k++) {
    if (st.score[k] > PASS) { failing = true; if (kink[k]) clear[k] = 1; }
    if (extrapolated[k] && err[k] > NOISY * roundoff[k]) noisyAny = true;
  }
  var verdict = "pass", at = worst, flat = false;
  if (Array.prototype.some.call(clear, Boolean)) {
    verdict = "fail";
    var top = -1;
    for (k = 0; k < K; k++) if (clear[k] && st.score[k] > top) { top = st.score[k]; at = k; }
  } else if (failing || (noisyAny && resolution > st.scale)) {
    verdict = "inconclusive";
  } else if (resolution > st.scale && scaledMax(claimed) > 0 && seen <= 2 * ROUNDOFF * EPS * scaledMax(fscale)) {
    // f never changed by more than its round-off: a nonzero claim is invisible here
    // (a large constant offset hides f's variation), as in matcalc.gradcheck
    verdict = "inconclusive"; flat = true;
  }
  return { verdict: verdict, relativeError: K ? st.score[at] : 0, worst: at, kink: !!kink[at],
    claimed: claimed, numeric: numeric, fdError: fdError, resolution: resolution, scale: st.scale,
    flat: flat, fscale: scaledMax(fscale) };
}

// matcalc.gradcheck.matches and diagnose
function matches(b, n) {
  var m = scaledMax(b, n);
  if (m === 0) return true;
  var d = 0, sb = 0, sn = 0;
  for (var i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(b[i] / m - n[i] / m));
    sb = Math.max(sb, Math.abs(b[i] / m)); sn = Math.max(sn, Math.abs(n[i] / m));
  }
  return d <= 1e-4 * (sb + sn);
}

function scaled(a, s) { return a.map(function (t) { return t * s; }); }
function tr(a, n) { var o = new Float64Array(a.length); for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) o[j * n + i] = a[i * n + j]; return o; }

function diagnose(a, n, rows, cols, symmetricX) {
  if (matches(a, n)) return null;
  if (rows === cols && rows > 1) {
    var upper = new Float64Array(n.length), lower = new Float64Array(n.length), zero = new Float64Array(n.length);
    for (var i = 0; i < rows; i++) for (var j = 0; j < cols; j++) {
      if (j > i) upper[i * cols + j] = n[i * cols + j];
      if (j < i) lower[i * cols + j] = n[i * cols + j];
    }
    if (symmetricX && (matches(upper, zero) || matches(lower, zero))) {
      return "one triangle: the numerical gradient is triangular because f reads one triangle of the symmetric x";
    }
    if (matches(tr(a, rows), n)) return "transposed: the claimed gradient is the transpose of the numerical one";
    var nt = tr(n, rows), sym = n.map(function (t, k) { return (t + nt[k]) / 2; });
    if (!matches(sym, n) && matches(a, sym)) {
      return "symmetric part only: the claimed gradient is sym(G) = (G + G^T)/2 of the numerical G, which is not symmetric (a formula derived for a symmetric matrix, such as 2Ax, used for a general one)";
    }
  }
  if (matches(scaled(a, -1), n)) return "sign: the claimed gradient is minus the numerical one";
  if (matches(scaled(a, 0.5), n)) return "factor 2: the claimed gradient is twice the numerical one";
  if (matches(scaled(a, 2), n)) return "factor 1/2: the claimed gradient is half the numerical one";
  return null;
}

// --- the check: several draws, a diagnosis, one result

function layoutHint(got, want, wrt) {
  var wantText = shapeText(want), gotText = shapeText(got);
  var base = "the claimed gradient is " + gotText + " but " + wrt + " is " + wantText +
    ": in denominator layout (this site's) the gradient of a scalar f has the shape of its variable";
  if (got.r * got.c !== want.r * want.c) return base;
  if (got.r === 1 && want.c === 1) return base + "; a row 1×" + got.c + " is the numerator-layout gradient: transpose it";
  if (got.r === want.c && got.c === want.r) return base + "; it is transposed, as in numerator layout: transpose it";
  return base;
}

function setup(spec) {
  if (!window.math || !window.math.parse) throw new InputError("the expression library (math.js) is not loaded");
  var decl = parseDeclarations(spec.variables);
  var wrtName = String(spec.wrt || "").trim();
  if (!wrtName) throw new InputError("wrt is empty: name the variable to differentiate with respect to");
  var wrt = decl.vars[wrtName];
  if (!wrt) throw new InputError("wrt: " + wrtName + " is not declared under variables (declared: " + decl.order.join(", ") + ")");
  var f = compile(parse(spec.f, "f"), decl, spec.f, "f");
  if (!isScalar(f)) {
    throw new InputError("f is " + shapeText(f) + ", not a scalar: a gradient needs a scalar f (a 1×1 result counts as one)");
  }
  var g = compile(parse(spec.gradient, "gradient"), decl, spec.gradient, "gradient");
  if (g.r !== wrt.r || g.c !== wrt.c) throw new InputError(layoutHint(g, wrt, wrtName));
  return { decl: decl, wrt: wrt, wrtName: wrtName, f: f, g: g };
}

function finite(value, what) {
  for (var i = 0; i < value.d.length; i++) {
    if (!isFinite(value.d[i])) {
      throw new InputError(what + " is not finite at the drawn point (" +
        (isNaN(value.d[i]) ? "undefined, e.g. ∞ - ∞ or 0 · ∞" : "overflow") +
        "): scale the expression down or declare properties that keep it finite");
    }
  }
  return value;
}

// One draw: a point meeting the declarations (redrawn while inv/det are singular)
function drawPoint(setupResult, rand, notes) {
  var decl = setupResult.decl;
  for (var attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    var env = decl.order.map(function (name) { return draw(decl.vars[name], rand); });
    var ctx = { singular: null };
    try {
      var f0 = finite(setupResult.f.run(env, ctx), "f").d[0];
      var grad = finite(setupResult.g.run(env, ctx), "the claimed gradient");
    } catch (e) {
      if (!(e instanceof Singular)) throw e;
      ctx.singular = e.what;
    }
    if (!ctx.singular) return { env: env, f0: f0, grad: grad };
    notes.singular = ctx.singular;
    notes.redrawn += 1;
  }
  throw new InputError(notes.singular + " is singular on each of " + MAX_REDRAWS +
    " draws: its argument has no inverse for these declarations (is it rank-deficient, like x*x'?)");
}

function checkDraw(s, point, symmetrize) {
  var env = point.env.slice(), w = s.wrt.index;
  if (symmetrize) env = env.map(function (m, i) {
    if (i === w || m.r !== m.c || m.r === 1) return m;
    var t = transpose(m);
    return { r: m.r, c: m.c, d: m.d.map(function (v, k) { return (v + t.d[k]) / 2; }) };
  });
  var ctx = { singular: null };
  function value(x) {
    env[w] = { r: s.wrt.r, c: s.wrt.c, d: x };
    try { var v = s.f.run(env, ctx).d[0]; } catch (e) {
      if (e instanceof Singular) return null;
      throw e;
    }
    return isFinite(v) ? v : null;
  }
  function f(x) {
    var v = value(x);
    if (v === null) throw new InputError("f is not finite at a point next to the draw (a step of " + BASE_STEP.toExponential(1) + " away): is the drawn point at the edge of f's domain?");
    return v;
  }
  f.raw = value;
  var x0 = point.env[w].d;
  var f0 = symmetrize ? f(Float64Array.from(x0)) : point.f0;
  var grad = symmetrize ? finite(s.g.run(env.map(function (m, i) { return i === w ? point.env[w] : m; }), ctx), "the claimed gradient").d : point.grad.d;
  env[w] = point.env[w];
  return runCheck(Float64Array.from(x0), Float64Array.from(grad), f, f0);
}

function entryName(s, k) {
  if (s.wrt.r === 1 && s.wrt.c === 1) return s.wrtName;
  if (s.wrt.c === 1) return s.wrtName + "(" + (k + 1) + ")";
  return s.wrtName + "(" + (Math.floor(k / s.wrt.c) + 1) + ", " + (k % s.wrt.c + 1) + ")";
}

function fmt(v) { return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? String(+v.toPrecision(6)) : v.toExponential(4); }

// Runs the draws one at a time (yielding between them); resolves with the result
function check(spec, options) {
  options = options || {};
  var draws = options.draws || DRAWS, seed = options.seed === undefined ? 1 : options.seed;
  return new Promise(function (resolve, reject) {
    var s, rand, notes = { redrawn: 0, singular: null }, points = [], results = [];
    try {
      s = setup(spec);
      rand = prng(seed);
    } catch (e) { return reject(e); }
    function step() {
      try {
        if (results.length < draws) {
          var point = drawPoint(s, rand, notes);
          points.push(point);
          results.push(checkDraw(s, point, false));
          return setTimeout(step, 0);
        }
        resolve(summarize(s, points, results, notes));
      } catch (e) { reject(e); }
    }
    step();
  });
}

function summarize(s, points, results, notes) {
  var order = { fail: 2, inconclusive: 1, pass: 0 }, worst = 0;
  results.forEach(function (r, i) {
    var w = results[worst];
    if (order[r.verdict] > order[w.verdict] || (r.verdict === w.verdict && r.relativeError > w.relativeError)) worst = i;
  });
  var r = results[worst], verdict = r.verdict, diagnosis = null;
  if (verdict === "fail") {
    var symX = s.wrt.r === s.wrt.c && s.wrt.r > 1 && (s.wrt.props.symmetric || s.wrt.props.spd);
    diagnosis = diagnose(r.claimed, r.numeric, s.wrt.r, s.wrt.c, symX);
    if (r.kink) diagnosis = "kink: f is not smooth at the drawn point along " + entryName(s, r.worst);
    if (!diagnosis) {
      // Right when the other square matrices are symmetric? (2Ax for x'Ax)
      var general = s.decl.order.filter(function (name) {
        var v = s.decl.vars[name];
        return name !== s.wrtName && v.r === v.c && v.r > 1 && !v.props.symmetric && !v.props.spd;
      });
      if (general.length && points.every(function (p) { return checkDraw(s, p, true).verdict === "pass"; })) {
        diagnosis = "right only for symmetric " + general.join(", ") + ": it passes when " +
          general.join(", ") + (general.length > 1 ? " are" : " is") + " drawn symmetric; for a general " +
          general[0] + " do not use " + general[0] + "' = " + general[0] + " (the gradient of x'*A*x is (A+A')*x)";
      }
    }
  }
  var note = notes.redrawn ? notes.redrawn + " draw" + (notes.redrawn > 1 ? "s were" : " was") +
    " redrawn because " + notes.singular + " was singular" : "";
  var reason = verdict === "pass"
    ? "claimed and numerical gradients agree entry by entry on " + results.length + " random draws"
    : verdict === "fail"
      ? "entry " + entryName(s, r.worst) + ": claimed " + fmt(r.claimed[r.worst]) + ", finite differences give " + fmt(r.numeric[r.worst])
      : r.flat
        ? "f does not change by more than its round-off (f is about " + fmt(r.fscale) + ") at any step tried: the claimed gradient is below the resolution " + fmt(r.resolution) + ", so finite differences cannot check it here; subtract a large constant from f"
        : "the finite differences could not resolve the gradient well enough for a verdict";
  return {
    verdict: verdict, relativeError: r.relativeError, worstEntry: entryName(s, r.worst),
    worstIndex: r.worst, diagnosis: diagnosis, reason: reason, note: note, draws: results.length,
    redrawn: notes.redrawn, perDraw: results.map(function (x) { return { verdict: x.verdict, relativeError: x.relativeError }; }),
    inputs: inputsOf(s, points[worst])  // the worst draw, {name: rows}, for other checkers
  };
}

function inputsOf(s, point) {
  var out = {};
  s.decl.order.forEach(function (name, i) {
    var m = point.env[i], rows = [];
    for (var r = 0; r < m.r; r++) rows.push(Array.prototype.slice.call(m.d, r * m.c, (r + 1) * m.c));
    out[name] = rows;
  });
  return out;
}

// --- loading math.js on first use, as a classic script from the site itself

var SELF = document.currentScript && document.currentScript.src;
var library = null;
function loadLibrary() {
  if (window.math && window.math.parse) return Promise.resolve();
  if (library) return library;
  library = new Promise(function (resolve, reject) {
    var tag = document.createElement("script");
    tag.src = SELF.replace(/javascripts\/gradient-check\.js(\?.*)?$/, "vendor/mathjs/math.js");
    tag.onload = function () { resolve(); };
    tag.onerror = function () { library = null; reject(new InputError("the expression library could not be loaded from " + tag.src)); };
    document.head.appendChild(tag);
  });
  return library;
}

// --- the panel

function initPanel(root) {
  if (root.__gradientCheck) return;
  root.__gradientCheck = true;
  function q(sel) { return root.querySelector(sel); }
  var controls = {};
  ["variables", "wrt", "f", "gradient"].forEach(function (k) { controls[k] = q('[data-control="' + k + '"]'); });
  var button = q('[data-action="check"]'), error = q('[data-role="error"]');
  var readouts = {};
  ["verdict", "relative-error", "worst-entry", "diagnosis", "reason"].forEach(function (k) { readouts[k] = q('[data-readout="' + k + '"]'); });

  var params = new URLSearchParams(location.search), prefilled = false;
  ["f", "gradient", "wrt"].forEach(function (k) {
    if (params.has(k)) { controls[k].value = params.get(k).slice(0, MAX_CHARS * 10); prefilled = true; }
  });
  if (params.has("variables")) {
    controls.variables.value = params.get("variables").slice(0, MAX_CHARS * 10).split(";").map(function (t) { return t.trim(); }).join("\n");
    prefilled = true;
  }

  function show(result) {
    error.hidden = true; error.textContent = "";
    readouts.verdict.textContent = result.verdict;
    root.setAttribute("data-verdict", result.verdict);
    readouts["relative-error"].textContent = result.relativeError.toExponential(1);
    readouts["worst-entry"].textContent = result.worstEntry;
    readouts.diagnosis.textContent = result.diagnosis || (result.verdict === "pass" ? "none needed" : "no common mistake matches");
    readouts.reason.textContent = result.reason + (result.note ? "; " + result.note : "");
  }
  function showError(e) {
    var message = e instanceof InputError ? e.message : "unexpected error: " + (e && e.message || e);
    Object.keys(readouts).forEach(function (k) { readouts[k].textContent = "–"; });
    root.removeAttribute("data-verdict");
    error.textContent = message;
    error.hidden = false;
  }
  var busy = false;
  function run(event) {
    if (event) event.preventDefault();
    if (busy) return;
    busy = true;
    root.setAttribute("data-state", "busy");
    button.disabled = true;
    var spec = {};
    Object.keys(controls).forEach(function (k) { spec[k] = controls[k].value; });
    loadLibrary().then(function () { return check(spec); }).then(show, showError).then(function () {
      busy = false;
      button.disabled = false;
      root.setAttribute("data-state", "ready");
    });
  }
  var form = root.querySelector("form");
  form.addEventListener("submit", run);
  // The library loads when the reader first touches the panel
  root.addEventListener("focusin", function () { loadLibrary().catch(function () {}); }, { once: true });
  root.setAttribute("data-state", "ready");
  if (prefilled && controls.f.value && controls.gradient.value) run();
}

function initAll() {
  Array.prototype.forEach.call(document.querySelectorAll('[data-widget="gradient-check"]'), initPanel);
}

window.GradientCheck = {
  check: check, load: loadLibrary, parseDeclarations: parseDeclarations, diagnose: diagnose,
  InputError: InputError, initAll: initAll
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
else initAll();
})();
