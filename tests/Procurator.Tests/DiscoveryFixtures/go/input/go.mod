module github.com/acme/gateway

go 1.22.1
