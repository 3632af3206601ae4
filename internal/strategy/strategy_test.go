package strategy

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

const person = "[person]\nname = \"C\"\nrole = \"UX\"\nsite_url = \"https://c.example\"\n"

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		toml   string
		images bool
		want   string
	}{
		{
			name: "a complete brief",
			toml: person + "[strategy]\naudience = \"PME\"\nmessage = \"Simple\"\nobjectives = [\"Deux clients\"]\nmarket = \"b2b\"\n" +
				"[networks.linkedin]\ngoal = \"Clients\"\n",
		},
		{
			name: "no brief at all",
			toml: person,
			want: "brand.toml: warning strategy.brief: the brief lacks audience (whom you address), message (what they should remember) and objectives (what you want to obtain)\n",
		},
		{
			name: "a brief with blanks, networks without goals, B2B without LinkedIn",
			toml: person + "[strategy]\naudience = \"PME\"\nmessage = \" \"\nobjectives = [\"\"]\nmarket = \"b2b\"\n" +
				"[networks.x]\nhandle = \"c\"\n[networks.mastodon]\ngoal = \"  \"\n",
			want: "brand.toml:5:2: warning strategy.brief: the brief lacks message (what they should remember) and objectives (what you want to obtain)\n" +
				"brand.toml:9:10: info strategy.networks: a b2b brand without LinkedIn: it is where businesses look for suppliers and partners (add [networks.linkedin], or say in the brief why not)\n" +
				"brand.toml:10:11: warning strategy.goal: [networks.x] has no goal: say why you are on X and what you expect of it (add goal = \"...\")\n" +
				"brand.toml:12:11: warning strategy.goal: [networks.mastodon] has no goal: say why you are on Mastodon and what you expect of it (add goal = \"...\")\n",
		},
		{
			name:   "B2C with images, without Instagram or Pinterest",
			toml:   person + "[strategy]\naudience = \"Familles\"\nmessage = \"Des fleurs\"\nobjectives = [\"Vendre\"]\nmarket = \"b2c\"\n[networks.facebook]\ngoal = \"g\"\n",
			images: true,
			want:   "brand.toml:9:10: info strategy.networks: a b2c brand that publishes images, without Instagram or Pinterest: people look for pictures there (add [networks.instagram] or [networks.pinterest])\n",
		},
		{
			name: "B2C without images",
			toml: person + "[strategy]\naudience = \"Familles\"\nmessage = \"Des fleurs\"\nobjectives = [\"Vendre\"]\nmarket = \"b2c\"\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, list := brand.Load(fstest.MapFS{"brand.toml": {Data: []byte(tt.toml)}})
			if p == nil || list.Len() > 0 {
				t.Fatalf("profile: %v", list.Items())
			}
			var l diag.List
			Check(p, Kit{PublishesImages: tt.images}, &l)
			l.Sort()
			var got strings.Builder
			for _, f := range l.Items() {
				got.WriteString(f.String() + "\n")
			}
			if got.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got.String(), tt.want)
			}
		})
	}
}
