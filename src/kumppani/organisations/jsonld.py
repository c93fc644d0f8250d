"""schema.org Organization JSON-LD for an NGO's public profile."""

from kumppani.core.opendata import json_for_script


def organisation(request, organisation) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NGO",
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
        "description": organisation.short_description or organisation.description[:300],
        "areaServed": [{"@type": "AdministrativeArea", "name": area.name} for area in organisation.areas.all()],
        "knowsLanguage": [language.code for language in organisation.languages.all()],
    }
    if organisation.business_id:
        data["taxID"] = organisation.business_id
        data["identifier"] = organisation.org_identifier
    if organisation.founded_year:
        data["foundingDate"] = str(organisation.founded_year)
    if organisation.email:
        data["email"] = organisation.email
    if organisation.phone:
        data["telephone"] = organisation.phone
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if organisation.street_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": organisation.street_address,
            "postalCode": organisation.postal_code,
            "addressLocality": organisation.post_office,
            "addressCountry": "FI",
        }
    if organisation.logo:
        data["logo"] = request.build_absolute_uri(organisation.logo.url)
    # "</" cannot end the script element early when escaped this way.
    return json_for_script(data)
