package network

import "slices"

// Network describes one social network.
type Network struct {
	Name  string // the key used in brand.toml: [networks.NAME]
	Label string // how the network writes its own name
}

// All lists the built-in networks, sorted by name.
var All = []Network{
	{Name: "bluesky", Label: "Bluesky"},
	{Name: "facebook", Label: "Facebook"},
	{Name: "github", Label: "GitHub"},
	{Name: "instagram", Label: "Instagram"},
	{Name: "linkedin", Label: "LinkedIn"},
	{Name: "malt", Label: "Malt"},
	{Name: "mastodon", Label: "Mastodon"},
	{Name: "pinterest", Label: "Pinterest"},
	{Name: "threads", Label: "Threads"},
	{Name: "tiktok", Label: "TikTok"},
	{Name: "x", Label: "X"},
	{Name: "youtube", Label: "YouTube"},
}

// Lookup returns the network called name.
func Lookup(name string) (Network, bool) {
	i := slices.IndexFunc(All, func(n Network) bool { return n.Name == name })
	if i < 0 {
		return Network{}, false
	}
	return All[i], true
}

// Names returns the names of every built-in network, sorted.
func Names() []string {
	names := make([]string, len(All))
	for i, n := range All {
		names[i] = n.Name
	}
	return names
}
