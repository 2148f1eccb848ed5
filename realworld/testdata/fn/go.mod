module fn

go 1.26
