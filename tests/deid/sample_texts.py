"""Paragraphs for tests and the speed benchmark: written for this project, modelled on the issue's examples.

No real person or event; numbers use fictional ranges (555-01xx phones, example.* domains).
"""

PARAGRAPHS = [
    (
        "On Sat 9/7 at 2300hrs Ofc. J. Carter (badge #4471, unit 2B14) of Dayton PD and I were dispatched to "
        "the 1200 blk of Wayne Ave for a man with a gun. Jaden Whitlock (16) ran toward Dixie and Needmore "
        "before Carter caught up with him near the Speedway on Wayne Ave."
    ),
    (
        "The Sergeant told us to deploy Stop Sticks. We ran Code 3 with lights and siren. Officer Safety "
        "comes first, and nobody wanted to hear Officer Down on the radio. The suspect had a 9mm Glock; I had"
        " my Taser out. The Use of Force review later found the stop was within policy under General Order "
        "41.2 and ORC 4511.19."
    ),
    (
        "Report RD# 23-118822, CFS 2309140057, Case 2023-004411. The victim, an elderly woman, 84 yrs, lived "
        "at 4471 N. Main St, Apt 4B in Dayton, OH 45402. Her son called from (937) 555-0123 and emailed "
        "jc.smith@example.com. The car was a silver Ford Explorer, plate HGT4471, VIN 1FMCU9GDXJV574911."
    ),
    (
        "It was christmas eve 2022, around 11:42 pm, when Montgomery County Sheriff's Office deputies and "
        "Ohio State Highway Patrol Troop C set up at the intersection of Salem Ave and Catalpa Dr. A trooper "
        "checked the driver's DL, OH SR123456, and found a warrant."
    ),
    (
        "We had a long night. Traffic on Main Street was light, and the bars on the strip were quiet. My "
        "partner and I talked about training, about the academy, about how long it had been since either of "
        "us had a real lunch break. Then the radio went off and we drove toward the river with our windows "
        "down."
    ),
    (
        "i was working nights with deputy hollis when a call came in. the caller said a man was walking in "
        "traffic. we found him near the bridge and talked him down. nobody got hurt and the man went to the "
        "hospital for an evaluation."
    ),
    (
        "OFC T. REYES (4471) AND I WERE DISPATCHED ON A SUSP VEH CALL AT 4410 N MAIN ST ON 11/02/2022 AT "
        "2300HRS. VEH WAS A WHITE CHEVY TAHOE, OH TAG JRL-5526. DRIVER FLED ON FOOT. REYES GAVE COMMANDS AND "
        "THE SUSP COMPLIED."
    ),
    (
        "His Instagram handle was @kdawg_937 and his Facebook page was facebook.com/kdawg937. A neighbor said"
        " his SSN was on a paper in the car, 412-71-4553, which we logged as evidence under report 2021-33410"
        " at https://records.example.org/r/33410."
    ),
]
