"""The Information Commissioner's Office: the regulator anyone may complain to."""

ICO_CONTACT = {
    "name": "Information Commissioner's Office",
    "helpline": "0303 123 1113",
    "address_lines": ["Wycliffe House", "Water Lane", "Wilmslow", "SK9 5AF"],
    "website": "https://ico.org.uk/make-a-complaint/",
}
