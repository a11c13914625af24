// Validates Kubernetes objects against the official OpenAPI schemas, through the validators the
// npm package kubernetes-models generates from them (types, required fields, formats).
// Input on stdin: a JSON array of {"file": "...", "object": {...}}. Output: one line per problem
// ("file: message"); exit 1 when there is any, 0 when every object is valid.
"use strict";
const path = require("path");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const problems = [];
  for (const { file, object } of JSON.parse(input)) {
    const apiVersion = String(object.apiVersion || "");
    const group = apiVersion.includes("/") ? apiVersion : `v1`;
    let Model;
    try {
      Model = require(path.join("kubernetes-models", group, String(object.kind)))[object.kind];
    } catch (e) {
      problems.push(`${file}: no schema for ${apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      problems.push(`${file}: ${e.message}`);
    }
  }
  for (const line of problems) console.log(line);
  process.exit(problems.length === 0 ? 0 : 1);
});
