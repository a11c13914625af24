module example.com/tools/migrate

go 1.22
