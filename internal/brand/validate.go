package brand

import (
	"cmp"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/tomldoc"
)

// validator checks the decoded brand.toml section by section. It only looks
// at values that decoded (tomldoc.Doc.Decoded): a value of the wrong type
// already has its finding and keeps its default.
type validator struct {
	fsys fs.FS
	doc  *tomldoc.Doc
	list *diag.List
}

func (v *validator) given(path string) bool { return v.doc.Decoded(path) }

// invalid reports a problem with the value at path, at the value.
func (v *validator) invalid(path, format string, args ...any) *diag.Finding {
	return v.list.Add(v.doc.ValuePos(path), "profile.invalid", path+": "+format, args...)
}

// invalidElem reports a problem with element i of the array at path.
func (v *validator) invalidElem(path string, i int, format string, args ...any) *diag.Finding {
	return v.list.Add(v.doc.ValuePos(path+"."+strconv.Itoa(i)), "profile.invalid",
		fmt.Sprintf("%s[%d]: ", path, i)+format, args...)
}

// missing reports a required key that is absent, at its table's header when
// there is one.
func (v *validator) missing(path string) {
	table := path[:max(strings.LastIndex(path, "."), 0)]
	v.list.Add(v.doc.Pos(table), "profile.invalid", "missing required key %s", path)
}

func (v *validator) person(p *Profile, raw *personTOML) {
	p.Person.Name = v.required("person.name", raw.Name)
	p.Person.Role = v.required("person.role", raw.Role)
	p.Person.Tagline = raw.Tagline
	p.Person.Location = raw.Location
	p.Person.Language = v.oneOf("person.language", raw.Language, "en", "fr", "en")

	switch {
	case !v.doc.Has("person.site_url"):
		v.missing("person.site_url")
	case v.given("person.site_url"):
		u, problem := siteURL(raw.SiteURL)
		if problem != "" {
			v.invalid("person.site_url", "%q %s", raw.SiteURL, problem)
		}
		p.Person.SiteURL = u
	}
	if v.given("person.email") && !looksLikeEmail(raw.Email) {
		v.invalid("person.email", "%q is not an e-mail address", raw.Email)
	} else {
		p.Person.Email = raw.Email
	}
	if v.given("person.phone") && !looksLikePhone(raw.Phone) {
		v.invalid("person.phone", "%q is not a phone number: write digits, spaces, +, dots, dashes or parentheses", raw.Phone)
	} else {
		p.Person.Phone = raw.Phone
	}
	p.Person.Photo = v.file("person.photo", raw.Photo)
	p.Person.PhotoFocus = v.focus("person.photo_focus", raw.PhotoFocus, DefaultPhotoFocus)
	p.Person.Cover = v.file("person.cover", raw.Cover)
	p.Person.CoverFocus = v.focus("person.cover_focus", raw.CoverFocus, DefaultCoverFocus)
	p.Person.Logo = v.file("person.logo", raw.Logo)
}

func (v *validator) strategy(p *Profile, raw *strategyTOML) {
	p.Strategy.Audience = raw.Audience
	p.Strategy.Message = raw.Message
	p.Strategy.Objectives = raw.Objectives
	p.Strategy.Market = v.oneOf("strategy.market", raw.Market, "", "b2b", "b2c", "both")
}

func (v *validator) identity(p *Profile, raw *identityTOML) {
	id := &p.Identity
	id.Colors = DefaultPalette
	if v.given("identity.colors") {
		slots := []struct {
			name string
			dst  *Color
			val  string
		}{
			{"primary", &id.Colors.Primary, raw.Colors.Primary},
			{"accent", &id.Colors.Accent, raw.Colors.Accent},
			{"background", &id.Colors.Background, raw.Colors.Background},
			{"text", &id.Colors.Text, raw.Colors.Text},
			{"muted", &id.Colors.Muted, raw.Colors.Muted},
		}
		var missing []string
		for _, s := range slots {
			path := "identity.colors." + s.name
			switch c, ok := ParseColor(s.val); {
			case !v.doc.Has(path):
				missing = append(missing, s.name)
			case !v.given(path):
			case !ok:
				v.invalid(path, "%q is not a colour: write #RGB or #RRGGBB", s.val)
			default:
				*s.dst = c
			}
		}
		if len(missing) > 0 {
			v.list.Add(v.doc.Pos("identity.colors"), "profile.invalid",
				"identity.colors: missing %s: a palette sets all five of primary, accent, background, text and muted",
				strings.Join(missing, ", "))
		}
	}
	id.Fonts.Heading = v.font("identity.fonts.heading", raw.Fonts.Heading)
	id.Fonts.Body = v.font("identity.fonts.body", raw.Fonts.Body)
	id.MinContrast = v.number("identity.min_contrast", raw.MinContrast, 1, 21, 4.5)
	id.CardStyle = v.oneOf("identity.card_style", raw.CardStyle, "solid", "solid", "photo", "paper")
	if id.CardStyle == "photo" && !v.doc.Has("person.cover") {
		v.invalid("identity.card_style", `"photo" puts person.cover under the brand colours: set person.cover`)
		id.CardStyle = "solid"
	}
}

func (v *validator) voice(p *Profile, raw *voiceTOML) {
	vo := &p.Voice
	vo.Person = v.oneOf("voice.person", raw.Person, "first", "first", "we", "any")
	vo.Address = v.oneOf("voice.address", raw.Address, "vous", "vous", "tu")
	vo.MaxSentenceWords = v.count("voice.max_sentence_words", raw.MaxSentenceWords, 28)
	vo.MaxExclamations = v.count("voice.max_exclamations", raw.MaxExclamations, 1)
	vo.Emoji = v.oneOf("voice.emoji", raw.Emoji, "bios", "none", "bios", "any")
	vo.Claims = true
	if v.given("voice.claims") {
		vo.Claims = raw.Claims
	}
	vo.Readability = v.number("voice.readability", raw.Readability, 0, 100, 0)
	vo.Banned = v.words("voice.banned", raw.Banned, true)
	vo.Confidential = v.words("voice.confidential", raw.Confidential, false)

	for wrong, right := range raw.Prefer {
		path := tomldoc.JoinPath("voice", "prefer", wrong)
		switch {
		case !v.given(path):
		case strings.TrimSpace(wrong) == "":
			v.list.Add(v.doc.Pos(path), "profile.invalid", "%s: the word to replace is empty", path)
		case strings.TrimSpace(right) == "":
			v.invalid(path, "the replacement is empty")
		default:
			vo.Prefer = append(vo.Prefer, Preference{Wrong: wrong, Right: right})
		}
	}
	slices.SortFunc(vo.Prefer, func(a, b Preference) int { return cmp.Compare(a.Wrong, b.Wrong) })
}

// words checks a list of words or names: none empty; with patterns set, a
// trailing * is the only wildcard and needs a word before it.
func (v *validator) words(path string, raw []string, patterns bool) []string {
	var out []string
	for i, w := range raw {
		if !v.given(path + "." + strconv.Itoa(i)) {
			continue
		}
		stem, star := strings.CutSuffix(w, "*")
		switch {
		case strings.TrimSpace(w) == "":
			v.invalidElem(path, i, "an entry is empty")
		case patterns && star && strings.TrimSpace(stem) == "":
			v.invalidElem(path, i, "%q matches every word: put letters before the *", w)
		case patterns && strings.Contains(stem, "*"):
			v.invalidElem(path, i, "%q: only a trailing * is a wildcard", w)
		default:
			out = append(out, w)
		}
	}
	return out
}

func (v *validator) networks(p *Profile, raw map[string]networkTOML) {
	names := slices.Collect(maps.Keys(raw))
	keyOff := func(name string) int {
		l, _ := v.doc.Loc(tomldoc.JoinPath("networks", name))
		return l.Key
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(keyOff(a), keyOff(b)), cmp.Compare(a, b)) })

	for _, name := range names {
		base := tomldoc.JoinPath("networks", name)
		if _, ok := network.Lookup(name); !ok {
			f := v.list.Add(v.doc.Pos(base), "profile.unknown-key", "unknown network %q", name)
			if near := diag.DidYouMean(name, network.Names()); near != "" {
				f.Suggestion = fmt.Sprintf("did you mean %q?", near)
			}
			continue
		}
		if !v.given(base) {
			continue
		}
		n := raw[name]
		out := Network{Name: name, Goal: n.Goal, Bio: n.Bio, Print: n.Print}
		if path := base + ".handle"; v.given(path) {
			switch {
			case strings.TrimSpace(n.Handle) == "":
				v.invalid(path, "is empty")
			case strings.ContainsFunc(n.Handle, unicode.IsSpace):
				v.invalid(path, "%q contains a space", n.Handle)
			default:
				out.Handle = n.Handle
			}
		}
		if path := base + ".bio"; v.given(path) {
			if problem := bioProblem(n.Bio); problem != "" {
				v.invalid(path, "%s", problem)
				out.Bio = ""
			}
		}
		if path := base + ".url"; v.given(path) {
			if problem := httpsURL(n.URL); problem != "" {
				v.invalid(path, "%q %s", n.URL, problem)
			} else {
				out.URL = n.URL
			}
		}
		if path := base + ".did"; v.doc.Has(path) && name != "bluesky" {
			f := v.list.Add(v.doc.Pos(path), "profile.unknown-key", "unknown key %q in [%s]", "did", base)
			f.Suggestion = "did belongs in [networks.bluesky]"
		} else if v.given(path) {
			if !didPattern.MatchString(n.DID) {
				v.invalid(path, "%q is not a DID such as \"did:plc:...\"", n.DID)
			} else {
				out.DID = n.DID
			}
		}
		out.Slots = v.slots(base, name, n.Slots)
		p.Networks = append(p.Networks, out)
	}
}

// Bounds of a slot override: no network takes an image wider or taller
// than maxSlotSide, and a cap under minSlotBytes cannot hold any image.
const (
	maxSlotSide  = 8192
	minSlotBytes = 1000
)

// slots checks the [networks.NAME.slots.SLOT] overrides of one network.
func (v *validator) slots(base, name string, raw map[string]slotTOML) []SlotOverride {
	known, _ := network.Lookup(name)
	var slotNames []string
	for _, s := range known.Slots {
		slotNames = append(slotNames, s.Name)
	}
	names := slices.Collect(maps.Keys(raw))
	keyOff := func(slot string) int {
		l, _ := v.doc.Loc(tomldoc.JoinPath("networks", name, "slots", slot))
		return l.Key
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(keyOff(a), keyOff(b)), cmp.Compare(a, b)) })
	var out []SlotOverride
	for _, slot := range names {
		path := tomldoc.JoinPath("networks", name, "slots", slot)
		if !slices.Contains(slotNames, slot) {
			f := v.list.Add(v.doc.Pos(path), "profile.unknown-key", "%s has no image slot %q: it has %s", known.Label, slot, strings.Join(slotNames, ", "))
			if near := diag.DidYouMean(slot, slotNames); near != "" {
				f.Suggestion = fmt.Sprintf("did you mean %q?", near)
			}
			continue
		}
		if !v.given(path) {
			continue
		}
		r := raw[slot]
		o := SlotOverride{Slot: slot}
		for _, side := range []struct {
			key string
			val int
			dst *int
		}{{"width", r.Width, &o.Width}, {"height", r.Height, &o.Height}} {
			if p := path + "." + side.key; v.given(p) {
				if side.val < 1 || side.val > maxSlotSide {
					v.invalid(p, "must be between 1 and %d pixels, not %d", maxSlotSide, side.val)
				} else {
					*side.dst = side.val
				}
			}
		}
		if p := path + ".max_bytes"; v.given(p) {
			if r.MaxBytes < minSlotBytes {
				v.invalid(p, "must be %d or more, not %d: no image fits in less", minSlotBytes, r.MaxBytes)
			} else {
				o.MaxBytes = r.MaxBytes
			}
		}
		if o != (SlotOverride{Slot: slot}) {
			out = append(out, o)
		}
	}
	return out
}

var didPattern = regexp.MustCompile(`^did:[a-z]+:[A-Za-z0-9._:%-]+$`)

func (v *validator) rules(p *Profile, raw map[string]string) {
	p.Rules = make(map[string]diag.Severity)
	ids := diag.RuleIDs()
	for id, value := range raw {
		path := tomldoc.JoinPath("rules", id)
		if !slices.Contains(ids, id) {
			f := v.list.Add(v.doc.Pos(path), "profile.unknown-key", "unknown rule %q in [rules]", id)
			if near := diag.DidYouMean(id, ids); near != "" {
				f.Suggestion = fmt.Sprintf("did you mean %q?", near)
			}
			continue
		}
		if !v.given(path) {
			continue
		}
		sev, ok := diag.ParseSeverity(value)
		switch {
		case !ok:
			v.invalid(path, `%q is not a severity: write "error", "warning", "info" or "off"`, value)
		case diag.IsSyntax(id):
			v.invalid(path, "a file that does not parse always stops the build: %s cannot be changed", id)
		default:
			p.Rules[id] = sev
		}
	}
}

// required returns the string at path, reporting it when absent or blank.
func (v *validator) required(path, val string) string {
	switch {
	case !v.doc.Has(path):
		v.missing(path)
	case !v.given(path):
	case strings.TrimSpace(val) == "":
		v.invalid(path, "is empty")
	default:
		return val
	}
	return ""
}

// oneOf returns the value at path when it is one of allowed, else def.
func (v *validator) oneOf(path, val, def string, allowed ...string) string {
	if !v.given(path) {
		return def
	}
	if slices.Contains(allowed, val) {
		return val
	}
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = strconv.Quote(a)
	}
	choices := strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
	v.invalid(path, "must be %s, not %q", choices, val)
	return def
}

// number returns the number at path when it lies in lo..hi, else def.
func (v *validator) number(path string, val, lo, hi, def float64) float64 {
	if !v.given(path) {
		return def
	}
	if !(val >= lo && val <= hi) { // written so that NaN fails
		v.invalid(path, "must be between %g and %g, not %g", lo, hi, val)
		return def
	}
	return val
}

// count returns the integer at path when it is not negative, else def.
func (v *validator) count(path string, val, def int) int {
	if !v.given(path) {
		return def
	}
	if val < 0 {
		v.invalid(path, "must be 0 or more, not %d", val)
		return def
	}
	return val
}

// file returns the kit-relative path of the file named at path, or "" when
// it is absent or wrong.
func (v *validator) file(path, val string) string {
	if !v.given(path) {
		return ""
	}
	clean, problem := KitFile(v.fsys, val)
	if problem != "" {
		v.invalid(path, "%q %s", val, problem)
		return ""
	}
	return clean
}

func (v *validator) font(path, val string) string {
	if v.given(path) {
		ext := strings.ToLower(val[strings.LastIndex(val, ".")+1:])
		if ext != "ttf" && ext != "otf" {
			v.invalid(path, "%q is not a .ttf or .otf font file", val)
			return ""
		}
	}
	return v.file(path, val)
}

// focus returns the focal point at path, or def when it is absent or wrong.
func (v *validator) focus(path string, val []float64, def Focus) Focus {
	if !v.given(path) {
		return def
	}
	if len(val) != 2 {
		v.invalid(path, "must be two numbers [x, y], found %d", len(val))
		return def
	}
	for i, f := range val {
		if !v.given(path + "." + strconv.Itoa(i)) {
			return def
		}
		if !(f >= 0 && f <= 1) { // written so that NaN fails
			v.invalidElem(path, i, "must be between 0 and 1, not %g", f)
			return def
		}
	}
	return Focus{X: val[0], Y: val[1]}
}

// ParseColor parses #RGB or #RRGGBB, in either case.
func ParseColor(s string) (Color, bool) {
	hex, ok := strings.CutPrefix(s, "#")
	if !ok || len(hex) != 3 && len(hex) != 6 {
		return Color{}, false
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return Color{}, false
	}
	if len(hex) == 3 {
		r, g, b := uint8(n>>8&0xF), uint8(n>>4&0xF), uint8(n&0xF)
		return Color{r * 17, g * 17, b * 17}, true
	}
	return Color{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

// siteURL parses the site's base URL and drops the trailing slash of its
// path, so that later stages join paths to it with a single slash.
func siteURL(s string) (*url.URL, string) {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		if err == nil && u.Scheme == "" && !strings.HasPrefix(s, "/") && strings.Contains(s, ".") {
			return nil, fmt.Sprintf("is not an absolute URL: write %q", "https://"+s)
		}
		return nil, "is not an absolute URL: write it with https:// and the domain"
	}
	if u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return nil, "must not have a query or a fragment"
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, ""
}

func httpsURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return `is not an absolute https URL: write it like "https://example.com/you"`
	}
	return ""
}

func looksLikeEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && !strings.ContainsAny(s, " \t\r\n<>()[],;:\"") &&
		!strings.Contains(domain, "@") && strings.Contains(domain, ".") &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

func looksLikePhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case !strings.ContainsRune(" +.-()", r):
			return false
		}
	}
	return digits >= 3
}
