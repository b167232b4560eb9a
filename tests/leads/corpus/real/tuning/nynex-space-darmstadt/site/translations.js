// ============================================
// NYNEX SPACE - Multilingual Translations
// ============================================

const translations = {
    en: {
        // Navigation
        'nav.capabilities': 'Capabilities',
        'nav.technology': 'Technology',
        'nav.government': 'Government',
        'nav.contact': 'Contact',
        'nav.contactBtn': 'Contact',
        'nav.clientPortal': 'Client Portal',

        // Hero
        'hero.badge': 'Sovereign Grade Intelligence',
        'hero.title': '<span class="gradient-text">Strategic Intelligence</span><br>from Orbit',
        'hero.subtitle': 'Multi-source satellite AI for critical infrastructure monitoring, space weather resilience, and sovereign decision-making. Built for institutional deployment in the dual-use sector.',
        'hero.btn1': 'Request Partnership',
        'hero.btn2': 'Strategic Capital',
        'hero.badge2': 'NATO Aligned',
        'hero.badge3': 'Classified Ready',
        'hero.badge4': 'Made in Germany',
        'hero.badge5': 'ISO Certified',

        // Strategic Positioning
        'positioning.sectionLabel': 'Sovereign Mission',
        'positioning.title': 'Predictive Orbital Intelligence for Sovereign Resilience',
        'positioning.desc': 'NYNEX SPACE delivers sovereign-grade satellite AI capabilities for critical infrastructure awareness, space weather resilience, and agricultural strategic intelligence. Our dual-use architecture supports government institutions and strategic partners requiring classified-ready deployment with EU data sovereignty.',

        // Infrastructure Section
        'infra.title': 'Critical Infrastructure & Border Intelligence',
        'infra.desc': 'Continuous satellite AI monitoring of sovereign infrastructure, border regions, and strategic assets. Detect anomalies, track changes, and maintain situational awareness across national territories.',
        'infra.item1': 'Energy infrastructure monitoring',
        'infra.item2': 'Border crossing detection & analysis',
        'infra.item3': 'Transportation corridor surveillance',
        'infra.item4': 'Anomaly alerts & change detection',

        // Space Weather Section
        'space.title': 'Space Weather & SATCOM Resilience',
        'space.desc': 'Predictive modeling of solar storm activity and its impact on satellite communications, power grids, and navigation systems. Enable proactive mitigation of space weather threats.',
        'space.item1': 'Solar flare prediction (72-hour horizon)',
        'space.item2': 'SATCOM disruption forecasting',
        'space.item3': 'Power grid vulnerability assessment',
        'space.item4': 'GNSS accuracy impact modeling',

        // Food Security Section
        'food.title': 'Food Security & Geo-Strategic Intelligence',
        'food.desc': 'Satellite-based crop yield analysis, drought detection, and agricultural monitoring for sovereign food security planning. Support strategic decision-making with orbital intelligence on global food systems.',
        'food.item1': 'Crop yield estimation by region',
        'food.item2': 'Drought & flood impact assessment',
        'food.item3': 'Soil health monitoring',
        'food.item4': 'Strategic import dependency analysis',

        // Technology Section
        'tech.title': 'Multi-Source Technology',
        'tech.item1.title': 'Multi-Source Ingestion',
        'tech.item1.desc': 'Multi-source satellite imagery from SAR, optical, and hyperspectral sensors',
        'tech.item2.title': 'AI Anomaly Detection',
        'tech.item2.desc': 'Deep learning models for feature extraction and anomaly detection',
        'tech.item3.title': 'Predictive Modeling',
        'tech.item3.desc': 'Time-series forecasting for trends, risks, and emerging patterns',
        'tech.item4.title': 'Secure Architecture',
        'tech.item4.desc': 'Classified-ready infrastructure with EU data sovereignty',

        // Government Section
        'gov.title': 'Built for Government Deployment',
        'gov.badge1': 'EU Cloud sovereign deployment options',
        'gov.badge2': 'NATO compliant security framework',
        'gov.badge3': 'Classified environment integration ready',
        'gov.badge4': 'On-premise appliance deployment',
        'gov.trust.title': 'Sovereign Data',
        'gov.trust.desc': 'All data processing within EU jurisdiction. Sovereign cloud deployment options for classified environments.',
        'gov.security.title': 'Security',
        'gov.security.desc': 'End-to-end encryption, zero-trust architecture, and compliance with defense security standards.',
        'gov.compliance.title': 'Compliance',
        'gov.compliance.desc': 'GDPR compliant, ISO 27001 certified, and aligned with EU/NATO dual-use regulations.',

        // Capital Section
        'capital.title': 'Long-Horizon Infrastructure Investment',
        'capital.subtitle': 'NYNEX SPACE is building sovereign infrastructure for the orbital intelligence age. We engage with strategic partners and institutional investors aligned with our long-horizon mission. Non-retail, exclusivity signal.',

        // Contact Section
        'contact.title': 'Request Strategic Briefing',
        'contact.desc': 'Confidential engagement for government and institutional partners.',
        'contact.email': 'briefing@nynex.space',

        // Footer
        'footer.tagline': 'Strategic Intelligence from Orbit',
        'footer.copyright': '&copy; 2025 NYNEX SPACE. All rights reserved.',

        // Phase Navigation
        'phase.hero': 'Home',
        'phase.mission': 'Mission',
        'phase.infrastructure': 'Infrastructure',
        'phase.weather': 'Weather',
        'phase.geostrategy': 'Geo-Strategy',
        'phase.architecture': 'Architecture',
        'phase.institutional': 'Institutional'
    },

    de: {
        // Navigation
        'nav.capabilities': 'Fähigkeiten',
        'nav.technology': 'Technologie',
        'nav.government': 'Regierung',
        'nav.contact': 'Kontakt',
        'nav.contactBtn': 'Kontakt',
        'nav.clientPortal': 'Kundenportal',

        // Hero
        'hero.badge': 'Souveräne Intelligenz',
        'hero.title': '<span class="gradient-text">Strategische Intelligenz</span><br>aus dem Orbit',
        'hero.subtitle': 'Multi-Source-Satelliten-KI für Überwachung kritischer Infrastrukturen, Weltraumwetter-Resilienz und souveräne Entscheidungsfindung. Entwickelt für den institutionellen Einsatz im Dual-Use-Sektor.',
        'hero.btn1': 'Partnerschaft anfragen',
        'hero.btn2': 'Strategisches Kapital',
        'hero.badge2': 'NATO Ausgerichtet',
        'hero.badge3': 'Behördenfähig',
        'hero.badge4': 'Made in Germany',
        'hero.badge5': 'ISO Zertifiziert',

        // Strategic Positioning
        'positioning.sectionLabel': 'Souveräne Mission',
        'positioning.title': 'Prädiktive orbitale Intelligenz für souveräne Resilienz',
        'positioning.desc': 'NYNEX SPACE liefert souveräne Satelliten-KI-Fähigkeiten für das Bewusstsein kritischer Infrastrukturen, Weltraumwetter-Resilienz und landwirtschaftliche strategische Intelligenz. Unsere Dual-Use-Architektur unterstützt Regierungsinstitutionen und strategische Partner, die eine behördenfähige Bereitstellung mit EU-Datensouveränität benötigen.',

        // Infrastructure Section
        'infra.title': 'Kritische Infrastruktur & Grenzintelligenz',
        'infra.desc': 'Kontinuierliche Satelliten-KI-Überwachung souveräner Infrastrukturen, Grenzregionen und strategischer Vermögenswerte. Erkennen Sie Anomalien, verfolgen Sie Veränderungen und erhalten Sie Situationsbewusstsein über nationale Territorien.',
        'infra.item1': 'Überwachung der Energieinfrastruktur',
        'infra.item2': 'Grenzübergangserkennung & -analyse',
        'infra.item3': 'Überwachung der Transportkorridore',
        'infra.item4': 'Anomalie-Warnungen & Änderungserkennung',

        // Space Weather Section
        'space.title': 'Weltraumwetter & SATCOM Resilienz',
        'space.desc': 'Prädiktive Modellierung von Sonnensturmaktivitäten und deren Auswirkungen auf Satellitenkommunikation, Stromnetze und Navigationssysteme. Ermöglichen Sie proaktive Minderung von Weltraumwetter-Bedrohungen.',
        'space.item1': 'Sonnenflare-Vorhersage (72-Stunden-Horizont)',
        'space.item2': 'SATCOM-Störungsprognose',
        'space.item3': 'Bewertung der Netzwerkanfälligkeit',
        'space.item4': 'GNSS-Genauigkeitsimpact-Modellierung',

        // Food Security Section
        'food.title': 'Ernährungssicherheit & Geo-Strategische Intelligenz',
        'food.desc': 'Landwirtschaftliche Überwachung und Ertragsanalyse für souveräne Planung und Bewertung strategischer Importabhängigkeiten.',
        'food.item1': 'Ertragsschätzung nach Region',
        'food.item2': 'Dürre- & Hochwasser-Impact-Bewertung',
        'food.item3': 'Bodenzustandsüberwachung',
        'food.item4': 'Strategische Importabhängigkeitsanalyse',

        // Technology Section
        'tech.title': 'Multi-Source Technologie',
        'tech.item1.title': 'Multi-Source-Ingestion',
        'tech.item1.desc': 'Satellitenbilder aus SAR-, optischen und hyperspektralen Sensoren',
        'tech.item2.title': 'KI-Anomalieerkennung',
        'tech.item2.desc': 'Deep-Learning-Modelle zur Merkmalsextraktion und Anomalieerkennung',
        'tech.item3.title': 'Prädiktive Modellierung',
        'tech.item3.desc': 'Zeitreihenprognosen für Trends, Risiken und aufkommende Muster',
        'tech.item4.title': 'Sichere Architektur',
        'tech.item4.desc': 'Behördenfähige Infrastruktur mit EU-Datensouveränität',

        // Government Section
        'gov.title': 'Für Regierungsseinsatz entwickelt',
        'gov.badge1': 'EU-Cloud souveräne Deployment-Optionen',
        'gov.badge2': 'NATO-konformes Sicherheits-Framework',
        'gov.badge3': 'Integration in klassifizierte Umgebungen bereit',
        'gov.badge4': 'On-Premise-Appliance-Deployment',
        'gov.trust.title': 'Souveräne Daten',
        'gov.trust.desc': 'Alle Datenverarbeitung innerhalb der EU-Gerichtsbarkeit. Souveräne Cloud-Deployment-Optionen für klassifizierte Umgebungen.',
        'gov.security.title': 'Sicherheit',
        'gov.security.desc': 'Ende-zu-Ende-Verschlüsselung, Zero-Trust-Architektur und Compliance mit Verteidigungssicherheitsstandards.',
        'gov.compliance.title': 'Compliance',
        'gov.compliance.desc': 'DSGVO-konform, ISO 27001 zertifiziert und ausgerichtet auf EU/NATO-Dual-Use-Vorschriften.',

        // Capital Section
        'capital.title': 'Langfristige Infrastrukturinvestition',
        'capital.subtitle': 'NYNEX SPACE baut souveräne Infrastruktur für das Zeitalter der orbitalen Intelligenz. Wir engagieren uns mit strategischen Partnern und institutionellen Investoren, die unserer langfristigen Mission verpflichtet sind. Non-Retail, Exklusivitätssignal.',

        // Contact Section
        'contact.title': 'Strategische Beratung anfordern',
        'contact.desc': 'Vertrauliche Engagements für Regierungs- und Institutionelle Partner.',
        'contact.email': 'briefing@nynex.space',

        // Footer
        'footer.tagline': 'Strategische Intelligenz aus dem Orbit',
        'footer.copyright': '&copy; 2025 NYNEX SPACE. Alle Rechte vorbehalten.',

        // Phase Navigation
        'phase.hero': 'Start',
        'phase.mission': 'Mission',
        'phase.infrastructure': 'Infrastruktur',
        'phase.weather': 'Wetter',
        'phase.geostrategy': 'Geo-Strategie',
        'phase.architecture': 'Architektur',
        'phase.institutional': 'Institution'
    }
};

// Current language (default: German)
let currentLang = localStorage.getItem('lang') || 'de';

// Initialize language
function initLanguage() {
    const langButtons = document.querySelectorAll('.lang-btn');
    langButtons.forEach(btn => {
        btn.addEventListener('click', () => {
            const lang = btn.getAttribute('data-lang');
            setLanguage(lang);
        });
    });

    // Apply saved language
    setLanguage(currentLang);
}

// Set language
function setLanguage(lang) {
    currentLang = lang;
    localStorage.setItem('lang', lang);

    // Update active button
    document.querySelectorAll('.lang-btn').forEach(btn => {
        btn.classList.toggle('active', btn.getAttribute('data-lang') === lang);
    });

    // Update all elements with data-i18n attribute
    document.querySelectorAll('[data-i18n]').forEach(el => {
        const key = el.getAttribute('data-i18n');
        const translation = translations[lang][key];
        if (translation) {
            if (el.tagName === 'INPUT' && el.hasAttribute('placeholder')) {
                el.setAttribute('placeholder', translation);
            } else {
                el.innerHTML = translation;
            }
        }
    });
}

// Initialize on DOM ready
if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initLanguage);
} else {
    initLanguage();
}

console.log('Translations loaded - Current language:', currentLang);
