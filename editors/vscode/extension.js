// Starts `treaty lsp` for .treaty files. Everything the editor shows (diagnostics,
// hover, completion, formatting, quick fixes) comes from the server.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("treaty").get("server.path", "treaty");
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "treaty",
    "Treaty",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "treaty" }, { scheme: "untitled", language: "treaty" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
