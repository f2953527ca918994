Content-Length: 140

{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"untitled:fuzz"},"position":{"line":1,"character":9}}}Content-Length: 145

{"jsonrpc":"2.0","id":2,"method":"textDocument/completion","params":{"textDocument":{"uri":"untitled:fuzz"},"position":{"line":1,"character":9}}}Content-Length: 145

{"jsonrpc":"2.0","id":3,"method":"textDocument/definition","params":{"textDocument":{"uri":"untitled:fuzz"},"position":{"line":1,"character":9}}}Content-Length: 122

{"jsonrpc":"2.0","id":4,"method":"textDocument/formatting","params":{"textDocument":{"uri":"untitled:fuzz"},"options":{}}}Content-Length: 225

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:fuzz","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":7}},"text":"consult"}]}}Content-Length: 212

{"jsonrpc":"2.0","id":5,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"untitled:fuzz"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[]}}}Content-Length: 44

{"jsonrpc":"2.0","id":6,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}