Project("a").Env("B_C", "from a");
Project("a-b").Env("C", "from a-b");
Project("api").Env("1BAD", "x").Env("OK", "fine").Env("has space", "y");
