// First script of strict.csp.html: record every CSP (and Trusted Types) violation from the start.
window.__violations = [];
const record = (e) => window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
window.addEventListener("securitypolicyviolation", record, true);
document.addEventListener("securitypolicyviolation", record, true);
