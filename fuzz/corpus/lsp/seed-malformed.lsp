Content-Length: 63

{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":Content-Length: 99999999999999999999

{}Content-Length: 5
Content-Type: x

{"a":Content-Length: 17

[1,2,{"id":null}]Content-Length: 52

{"jsonrpc":"2.0","id":{"x":1},"method":"initialize"}