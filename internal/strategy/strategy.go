package strategy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
)

// Kit is what the checks need to know of the kit beyond its profile.
type Kit struct {
	// PublishesImages is true when some post has a cover or an image.
	PublishesImages bool
}

// Check adds to l: a strategy.goal warning for each configured network
// without a goal, a strategy.brief warning when [strategy] lacks an
// audience, a message or objectives, and strategy.networks hints where
// the brief's market calls for a network the kit does not use.
func Check(p *brand.Profile, k Kit, l *diag.List) {
	for _, n := range p.Networks {
		if strings.TrimSpace(n.Goal) != "" {
			continue
		}
		f := l.Add(p.Pos("networks."+n.Name), "strategy.goal", "[networks.%s] has no goal: say why you are on %s and what you expect of it", n.Name, label(n.Name))
		f.Suggestion = `add goal = "..."`
	}

	var missing []string
	if strings.TrimSpace(p.Strategy.Audience) == "" {
		missing = append(missing, "audience (whom you address)")
	}
	if strings.TrimSpace(p.Strategy.Message) == "" {
		missing = append(missing, "message (what they should remember)")
	}
	if !slices.ContainsFunc(p.Strategy.Objectives, func(o string) bool { return strings.TrimSpace(o) != "" }) {
		missing = append(missing, "objectives (what you want to obtain)")
	}
	if len(missing) > 0 {
		l.Add(p.Pos("strategy"), "strategy.brief", "the brief lacks %s", join(missing))
	}

	uses := func(names ...string) bool {
		return slices.ContainsFunc(p.Networks, func(n brand.Network) bool { return slices.Contains(names, n.Name) })
	}
	market := p.Strategy.Market
	pos := p.ValuePos("strategy.market")
	if (market == "b2b" || market == "both") && !uses("linkedin") {
		f := l.Add(pos, "strategy.networks", "a %s brand without LinkedIn: it is where businesses look for suppliers and partners", market)
		f.Suggestion = "add [networks.linkedin], or say in the brief why not"
	}
	if (market == "b2c" || market == "both") && k.PublishesImages && !uses("instagram", "pinterest") {
		f := l.Add(pos, "strategy.networks", "a %s brand that publishes images, without Instagram or Pinterest: people look for pictures there", market)
		f.Suggestion = "add [networks.instagram] or [networks.pinterest]"
	}
}

func label(name string) string {
	if n, ok := network.Lookup(name); ok {
		return n.Label
	}
	return name
}

// join lists items as "a, b and c".
func join(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return fmt.Sprintf("%s and %s", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}
