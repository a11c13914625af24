var cache = Service("cache").Kind("redis").Database("one");
Service("postgres").Database("my-shop").User("1st");
Service("mail").Port(1025).Command("mailpit");
Project("api")
    .Env("A", "${postgress.url}")
    .Env("B", "${mail.url}")
    .Env("C", "${postgres.password}")
    .Env("D", "${cache.user}")
    .Env("E", "${api.url}");
