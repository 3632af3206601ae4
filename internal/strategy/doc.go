// Package strategy checks the brief of brand.toml against the networks the
// person uses: each network needs a reason to be there (its goal), the
// brief needs an audience, a message and objectives, and the market the
// brief names calls for some networks. It belongs to the check stage.
package strategy
