// Names that are keywords of mermaid (end, graph, subgraph, style, click) and DOT (node,
// graph, subgraph), and text that tries to break out of the html page or its script. Every
// graph format must show all of it as plain text.
Workspace.Name("hostile-names")
    .Description("Quotes \" ' ` and </script><img src=x onerror=\"window.pwned=1\"> with unicode: café ☕ 漢字 🚀");

Service("node").Kind("redis").Version("7.2-ünï ☕").Port(7000);
Service("pg").Kind("postgres").Version("15.2");
Service("style").Kind("memcached").Version("1.6 \"</script><img src=x onerror=window.pwned=1>").Port(11212);

Project("end", ".")
    .Description("\"quoted\" </script><script>window.pwned=1</script> <!-- comment")
    .DependsOn("node", "pg")
    .Port(8081)
    .Env("SECRET_TOKEN", "s3cr3t-value-that-never-leaves")
    .HealthCheck(Http("http://localhost:8081/health?a=1&b=2"));

Project("graph", ".").DependsOn("end").Process("click", "echo '</script>'");
Project("subgraph", ".").DependsOn("graph", "style").BuildDependsOn("end");
Project("click", ".").Description("Ünïcödé — ☕ 漢字 🚀 \u2028 and a line\nbreak").DependsOn("subgraph", "flowchart");
Project("my-app-2", ".").Description("it's a 'dash' name").DependsOn("click").HealthCheck(Exec("test \"$(curl -s localhost)\" = '<ok>'"));
External("flowchart", "github:example/flowchart");
