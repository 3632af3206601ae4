package i18n

import (
	"fmt"
	"time"
)

var french = Strings{
	Lang:         "fr",
	Locale:       "fr_FR",
	SkipLink:     "Aller au contenu",
	MainNav:      "Navigation principale",
	Home:         "Accueil",
	About:        "À propos",
	Posts:        "Articles",
	Tags:         "Étiquettes",
	LatestPosts:  "Derniers articles",
	AllPosts:     "Tous les articles",
	NoPosts:      "Aucun article pour l’instant.",
	Contact:      "Me contacter",
	Elsewhere:    "Ailleurs sur le Web",
	Feed:         "Flux Atom",
	Role:         "Métier",
	Location:     "Lieu",
	Clients:      "Pour qui",
	Email:        "Courriel",
	Published:    "Publié le",
	Updated:      "Mis à jour le",
	ReadingFmt:   "%d" + nbsp + "min de lecture",
	TaggedFmt:    "Étiquette" + nbsp + ":" + nbsp + "«" + narrow + "%s" + narrow + "»",
	CountFmt:     []string{"%d" + nbsp + "article", "%d" + nbsp + "articles"},
	Draft:        "Brouillon",
	Scheduled:    "Programmé",
	Previous:     "Article précédent",
	Next:         "Article suivant",
	Newer:        "Plus récents",
	Older:        "Plus anciens",
	Pagination:   "Pagination",
	PageFmt:      "Page %d sur %d",
	Cover:        "Illustration",
	WrittenBy:    "Écrit par",
	NotFound:     "Page introuvable",
	NotFoundText: "Cette page n’existe pas, ou plus. Elle a peut-être changé d’adresse" + narrow + "!",
	BackHome:     "Retour à l’accueil",
	Links:        "Liens",
	Kit:          frenchKit,
	months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	dateFunc: func(s *Strings, t time.Time) string {
		day := fmt.Sprint(t.Day())
		if t.Day() == 1 {
			day = "1er"
		}
		return day + nbsp + s.months[t.Month()-1] + " " + fmt.Sprint(t.Year())
	},
}

var english = Strings{
	Lang:         "en",
	Locale:       "en_US",
	SkipLink:     "Skip to content",
	MainNav:      "Main",
	Home:         "Home",
	About:        "About",
	Posts:        "Posts",
	Tags:         "Tags",
	LatestPosts:  "Latest posts",
	AllPosts:     "All posts",
	NoPosts:      "No posts yet.",
	Contact:      "Get in touch",
	Elsewhere:    "Elsewhere",
	Feed:         "Atom feed",
	Role:         "Role",
	Location:     "Location",
	Clients:      "Working with",
	Email:        "Email",
	Published:    "Published",
	Updated:      "Updated",
	ReadingFmt:   "%d" + nbsp + "min read",
	TaggedFmt:    "Tagged “%s”",
	CountFmt:     []string{"%d post", "%d posts"},
	Draft:        "Draft",
	Scheduled:    "Scheduled",
	Previous:     "Previous post",
	Next:         "Next post",
	Newer:        "Newer posts",
	Older:        "Older posts",
	Pagination:   "Pagination",
	PageFmt:      "Page %d of %d",
	Cover:        "Cover",
	WrittenBy:    "Written by",
	NotFound:     "Page not found",
	NotFoundText: "This page does not exist, or no longer does. It may have moved.",
	BackHome:     "Back to the home page",
	Links:        "Links",
	Kit:          englishKit,
	months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	dateFunc: func(s *Strings, t time.Time) string {
		return s.months[t.Month()-1] + nbsp + fmt.Sprint(t.Day()) + ", " + fmt.Sprint(t.Year())
	},
}
