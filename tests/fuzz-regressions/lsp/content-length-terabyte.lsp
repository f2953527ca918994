Content-Length: 1000000000000

{"jsonrpc":"2.0","method":"exit"}