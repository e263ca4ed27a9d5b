module briefing

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/adrg/frontmatter v0.2.0
	github.com/neurosnap/sentences v1.1.2
	github.com/tdewolff/minify/v2 v2.24.25
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
)

require (
	github.com/tdewolff/parse/v2 v2.8.20 // indirect
	gopkg.in/yaml.v2 v2.3.0 // indirect
)
