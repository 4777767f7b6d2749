module profgate.dev/examples/go-payments

go 1.19
