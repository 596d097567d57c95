"""The Spanish a translator gives the meeting pages of these tests."""

HOME_WORDS = {
    "Brighton Park Neighborhood Council": "Brighton Park Neighborhood Council",
    "home": "inicio",
}
INDEX_WORDS = {"Meetings": "Reuniones", "meetings": "reuniones"}
ACCESS = "Step-free entrance on the side street. Childcare and food."
MEETING_WORDS = {
    "Budget night": "Noche del presupuesto",
    "budget-night": "noche-del-presupuesto",
    "We read the city budget together.": "Leemos juntos el presupuesto de la ciudad.",
    "Brighton Park library": "Biblioteca de Brighton Park",
    "Step-free entrance on the side street. Childcare and food.": (
        "Entrada sin escalones por la calle lateral. Cuidado infantil y comida."
    ),
    "Moved to the gym next door.": "Se cambió al gimnasio de al lado.",
    "Cancelled because of the storm.": "Se canceló por la tormenta.",
}
