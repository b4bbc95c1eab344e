console.error("boom from bad.js");
