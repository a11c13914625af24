java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }
